#include "pay_request.h"

#include "paynext/sdk/params.h"

namespace paynext::plugins::jdjingli {

namespace p = sdk::params;

PayRequest PayRequest::parse(const Poco::JSON::Object& params, const std::string& tokenField) {
  PayRequest r;
  r.token = p::requireText(params, tokenField, kMaxTokenBytes);
  if (p::has(params, "couponId")) {
    const Poco::Dynamic::Var v = params.get("couponId");
    // Mobile clients send couponId "" when the user picked none.
    if (!(v.isString() && v.extract<std::string>().empty())) r.couponId = p::requirePositiveInt(params, "couponId");
  }
  return r;
}

}  // namespace paynext::plugins::jdjingli
