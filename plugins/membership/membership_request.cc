#include "membership_request.h"

#include "paynext/sdk/params.h"

namespace paynext::plugins::membership {

namespace p = sdk::params;

namespace {
constexpr std::size_t kMaxRemarkBytes = 255;
}

MembershipRequest MembershipRequest::parse(const Poco::JSON::Object& params) {
  MembershipRequest r;
  r.priceId = p::requirePositiveInt(params, "userLevelPriceId");
  r.autoRenew = p::optionalBool(params, "isAutoRenew").value_or(false);
  r.remark = p::optionalText(params, "remark", kMaxRemarkBytes);
  return r;
}

}  // namespace paynext::plugins::membership
