#pragma once
#include <cstdint>
#include <string>

#include <Poco/JSON/Object.h>

#include "paynext/sdk/money.h"

namespace paynext::plugins::catering {

// A dish of the menu (菜品) as admins keep it; only dishes on sale can be ordered.
struct Dish {
  std::int64_t id = 0;
  std::string name;
  sdk::Fen price = 0;
  bool onSale = true;
  std::int64_t createdAt = 0;  // epoch ms
  std::int64_t updatedAt = 0;
};

// Price in yuan; admins also see when it was created and changed.
Poco::JSON::Object::Ptr toUserJson(const Dish& dish);
Poco::JSON::Object::Ptr toAdminJson(const Dish& dish);

}  // namespace paynext::plugins::catering
