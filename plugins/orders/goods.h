#pragma once
#include <cstdint>
#include <string>

#include <Poco/JSON/Object.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/money.h"

namespace paynext::plugins::orders {

// A goods (商品) of the factory's catalog, kept by its admins. Mall orders are
// priced from it, and its stock is taken when an order is paid.
struct Goods {
  std::int64_t id = 0;
  std::string name;
  sdk::Fen price = 0;
  std::int64_t stock = 0;
  bool onSale = true;
  std::int64_t createdAt = 0;  // epoch ms
  std::int64_t updatedAt = 0;
};

// As the APIs answer it: price in yuan; admins also see when it was made and changed.
Poco::JSON::Object::Ptr toJson(const Goods& goods, bool forAdmins = true);

// The refusal for a goods id that is not in this factory: 700 商品 N 不存在.
sdk::Error goodsNotFound(std::int64_t id);

}  // namespace paynext::plugins::orders
