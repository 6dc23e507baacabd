#pragma once
#include <cstdint>
#include <vector>

#include <Poco/JSON/Object.h>

namespace paynext::plugins::orders {

// One line of what a user orders: a goods and how many.
struct GoodsWanted {
  std::int64_t goodsId = 0;
  std::int64_t number = 0;
};

constexpr std::size_t kMaxGoodsLines = 50;
constexpr std::int64_t kMaxGoodsNumber = 999;

// goodsJsonStr as the API工厂 clients send it: a JSON string (or array) of
// {"goodsId":1,"number":2}, numbers also as numeric strings. At most
// kMaxGoodsLines lines, each number 1..kMaxGoodsNumber; lines of one goods are
// merged (their sum bounded the same). Throws sdk::ParamError naming the field.
std::vector<GoodsWanted> parseGoodsWanted(const Poco::JSON::Object& params);

}  // namespace paynext::plugins::orders
