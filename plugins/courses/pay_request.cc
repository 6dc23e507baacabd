#include "pay_request.h"

#include "paynext/sdk/params.h"

namespace paynext::plugins::courses {

PayRequest PayRequest::parse(const Poco::JSON::Object& params) {
  return PayRequest{sdk::params::requirePositiveInt(params, "id")};
}

}  // namespace paynext::plugins::courses
