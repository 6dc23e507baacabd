#pragma once
#include <cstdint>

#include <Poco/JSON/Object.h>

#include "paynext/sdk/money.h"

namespace paynext::plugins::shopbill {

// The params of nextAction type 4, as the document writes them, and of the quote route:
//   {type:4, shopId:888, money:消费金额}   shopId: the shop's id (a number or a string of digits);
//   money: the bill in yuan BEFORE the discount (a number or a decimal string), 0 < money <= kMaxBill
struct ShopbillRequest {
  static constexpr sdk::Fen kMaxBill = 10000000;  // 100000.00 yuan: a bill above is a typing error

  std::int64_t shopId = 0;
  sdk::Fen money = 0;

  // Throws sdk::ParamError naming the field.
  static ShopbillRequest parse(const Poco::JSON::Object& params);
};

}  // namespace paynext::plugins::shopbill
