#pragma once
#include <cstdint>
#include <string>

#include <Poco/JSON/Object.h>

#include "paynext/sdk/money.h"

namespace paynext::plugins::orders {

// A goods on an order, with its name and price as they were when the order
// was created: later catalog changes do not reprice it.
struct OrderLine {
  std::int64_t goodsId = 0;
  std::string name;
  sdk::Fen price = 0;
  std::int64_t number = 0;
  sdk::Fen amount = 0;  // price * number
};

// As the APIs answer it: money in yuan.
Poco::JSON::Object::Ptr toJson(const OrderLine& line);

}  // namespace paynext::plugins::orders
