#include "claim_request.h"

#include "paynext/sdk/params.h"

namespace paynext::plugins::coupons {

namespace p = sdk::params;

ClaimRequest ClaimRequest::parse(const Poco::JSON::Object& params) {
  ClaimRequest r;
  r.couponRuleId = p::requirePositiveInt(params, "couponRuleId");
  r.pwd = p::optionalString(params, "pwd").value_or("");
  return r;
}

}  // namespace paynext::plugins::coupons
