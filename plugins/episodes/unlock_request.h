#pragma once
#include <cstdint>

#include <Poco/JSON/Object.h>

namespace paynext::plugins::episodes {

// The params of nextAction type 18, as the document writes them:
//   {type:18, goodsId: 77, number: 88}   goodsId 商品ID, number 购买第几集 (from 1);
// numbers or strings of digits.
struct UnlockRequest {
  std::int64_t goodsId = 0;
  std::int64_t number = 0;

  // Throws sdk::ParamError naming the field.
  static UnlockRequest parse(const Poco::JSON::Object& params);
};

}  // namespace paynext::plugins::episodes
