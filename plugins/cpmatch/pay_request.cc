#include "pay_request.h"

#include "paynext/sdk/params.h"

namespace paynext::plugins::cpmatch {

PayRequest PayRequest::parse(const Poco::JSON::Object& params) {
  return PayRequest{sdk::params::requirePositiveInt(params, "cpactivityId")};
}

}  // namespace paynext::plugins::cpmatch
