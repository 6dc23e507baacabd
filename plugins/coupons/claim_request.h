#pragma once
#include <cstdint>
#include <string>

#include <Poco/JSON/Object.h>

namespace paynext::plugins::coupons {

// The params of nextAction type 7 领取指定的优惠券, checked:
//   {type:7, couponRuleId:优惠券规则id, pwd:"如果是口令优惠券,需要传入口令"}
struct ClaimRequest {
  std::int64_t couponRuleId = 0;
  std::string pwd;  // empty when not given

  // Throws sdk::ParamError naming the field.
  static ClaimRequest parse(const Poco::JSON::Object& params);
};

}  // namespace paynext::plugins::coupons
