#pragma once
#include <cstdint>
#include <string>

#include <Poco/JSON/Object.h>

namespace paynext::plugins::membership {

// The params of nextAction type 6, checked for form only:
//   {type:6, userLevelPriceId:价格项编号(不是等级编号), isAutoRenew:true/false, remark:备注}
// isAutoRenew is true/false or "true"/"false", false when left out.
struct MembershipRequest {
  std::int64_t priceId = 0;
  bool autoRenew = false;
  std::string remark;

  // Throws sdk::ParamError naming the field.
  static MembershipRequest parse(const Poco::JSON::Object& params);
};

}  // namespace paynext::plugins::membership
