#pragma once
#include <cstdint>
#include <string>

#include <Poco/JSON/Object.h>

namespace paynext::plugins::catering {

// A table of the restaurant (餐桌): its name and the code printed on its QR,
// which a user's scan sends to open an order there.
struct DiningTable {
  std::int64_t id = 0;
  std::string name;
  std::string code;
  std::int64_t createdAt = 0;  // epoch ms
};

// Users see the name; admins also the code and when it was added.
Poco::JSON::Object::Ptr toUserJson(const DiningTable& table);
Poco::JSON::Object::Ptr toAdminJson(const DiningTable& table);

}  // namespace paynext::plugins::catering
