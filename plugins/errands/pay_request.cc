#include "pay_request.h"

#include "paynext/sdk/params.h"

namespace paynext::plugins::errands {

PayRequest PayRequest::parse(const Poco::JSON::Object& params) {
  return PayRequest{sdk::params::requirePositiveInt(params, "taskId")};
}

}  // namespace paynext::plugins::errands
