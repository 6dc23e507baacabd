#include "pay_request.h"

#include "paynext/sdk/params.h"

namespace paynext::plugins::addbell {

PayRequest PayRequest::parse(const Poco::JSON::Object& params) {
  return PayRequest{sdk::params::requirePositiveInt(params, "orderAddBellId")};
}

}  // namespace paynext::plugins::addbell
