#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

namespace paynext::plugins::catering {

// The params of nextAction type 9, checked: {type:9, orderId:100001, couponId:"1,2"}.
struct PayRequest {
  static constexpr std::size_t kMaxCoupons = 20;

  std::int64_t orderId = 0;
  std::vector<std::int64_t> couponIds;  // in the order given, no duplicates; empty: none

  // Throws sdk::ParamError naming the field; a long order number given as
  // orderId is refused saying what orderId is.
  static PayRequest parse(const Poco::JSON::Object& params);
  // "1,2", as stored with the paid order.
  std::string couponText() const;
};

}  // namespace paynext::plugins::catering
