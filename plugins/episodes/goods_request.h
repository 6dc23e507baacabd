#pragma once
#include <Poco/JSON/Object.h>

#include "goods.h"

namespace paynext::plugins::episodes {

// A goods as an admin sends it (POST creates, PUT replaces id):
//   name, price (yuan per episode, > 0), urls (the play addresses in episode
//   order: a JSON array, or one address per line), freeCount? (0), onSale? (true)
// Throws sdk::ParamError naming the field.
Goods goodsFromParams(const Poco::JSON::Object& params, bool withId);

}  // namespace paynext::plugins::episodes
