#pragma once
#include <Poco/JSON/Object.h>

#include "goods.h"

namespace paynext::plugins::orders {

// A goods as an admin sends it: name, price (yuan, > 0), stock (>= 0),
// onSale (default true), and id when withId (a replacement). Throws
// sdk::ParamError naming the field.
Goods goodsFromParams(const Poco::JSON::Object& params, bool withId);

}  // namespace paynext::plugins::orders
