#pragma once
#include <cstdint>
#include <string>

#include <Poco/JSON/Object.h>

#include "paynext/sdk/money.h"

namespace paynext::plugins::organizations {

constexpr std::int64_t kDayMs = 86400000;

// A price item (组织收费项) admins keep: what priceId names.
struct PriceItem {
  std::int64_t id = 0;
  std::string name;
  std::int64_t memberCap = 0;  // members allowed, the owner included
  std::int64_t days = 0;       // validity from the payment
  sdk::Fen price = 0;
  bool onSale = true;
  std::int64_t createdAt = 0;
  std::int64_t updatedAt = 0;
};

// An organization a user created and owns.
struct Organization {
  std::int64_t id = 0;
  std::int64_t ownerId = 0;
  std::string name;
  std::string remark;
  std::int64_t priceId = 0;    // the item it was created with or last upgraded to
  std::int64_t memberCap = 0;  // the item's cap when it was paid
  std::int64_t expiresAt = 0;
  std::int64_t memberCount = 0;
  sdk::Fen amount = 0;  // what its creation debited
  std::string reference;
  std::int64_t createdAt = 0;
  std::int64_t updatedAt = 0;
};

struct Member {
  std::int64_t userId = 0;
  std::int64_t joinedAt = 0;
};

// One paid upgrade (type 17): kept so a repeated step changes nothing.
struct Upgrade {
  std::int64_t id = 0;
  std::int64_t organizationId = 0;
  std::int64_t userId = 0;
  std::int64_t fromPriceId = 0;
  std::int64_t toPriceId = 0;
  std::int64_t memberCap = 0;
  sdk::Fen amount = 0;
  std::int64_t expiresAt = 0;
  std::string reference;
  std::int64_t createdAt = 0;
};

// As the APIs answer them: money in yuan, times in epoch ms plus China time text.
Poco::JSON::Object::Ptr toJson(const PriceItem& item);
Poco::JSON::Object::Ptr toJson(const Organization& org, std::int64_t nowMs);
Poco::JSON::Object::Ptr toJson(const Upgrade& upgrade);

}  // namespace paynext::plugins::organizations
