#pragma once
#include <Poco/JSON/Object.h>

#include "dish.h"

namespace paynext::plugins::catering {

// A dish as an admin sends it (POST creates, PUT replaces id):
//   name, price (yuan, > 0), onSale? (true). Throws sdk::ParamError naming the field.
Dish dishFromParams(const Poco::JSON::Object& params, bool withId);

}  // namespace paynext::plugins::catering
