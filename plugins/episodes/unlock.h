#pragma once
#include <cstdint>
#include <string>

#include <Poco/JSON/Object.h>

#include "paynext/sdk/money.h"

namespace paynext::plugins::episodes {

// One episode a user unlocked with a type 18 step.
struct Unlock {
  std::int64_t id = 0;
  std::int64_t userId = 0;
  std::int64_t goodsId = 0;
  std::int64_t number = 0;
  std::string name;  // the goods' name when it was unlocked
  sdk::Fen amount = 0;  // debited
  std::string reference;  // the unlocking step's idempotency key
  std::int64_t createdAt = 0;
};

// As the mobile API answers it, amount in yuan.
Poco::JSON::Object::Ptr toJson(const Unlock& unlock);
// As admins see it: with the user and the step.
Poco::JSON::Object::Ptr toAdminJson(const Unlock& unlock);

}  // namespace paynext::plugins::episodes
