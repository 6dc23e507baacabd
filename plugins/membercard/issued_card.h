#pragma once
#include <cstdint>
#include <string>

#include <Poco/JSON/Object.h>

#include "paynext/sdk/money.h"

namespace paynext::plugins::membercard {

// A card issued to a user: one per user and card kind, its number kept for
// good, its validity extended by every payment.
struct IssuedCard {
  std::int64_t id = 0;
  std::int64_t userId = 0;
  std::int64_t cardId = 0;
  std::string number;  // 12 random digits, unique within the factory
  std::int64_t issuedAt = 0;
  std::int64_t validUntil = 0;  // epoch ms
  std::int64_t updatedAt = 0;
  // The card kind's current name and benefits, read with the row.
  std::string name;
  std::string benefits;
};

// One paid step (购买记录), kept under the step's key so a repeated step changes nothing.
struct Purchase {
  std::int64_t id = 0;
  std::int64_t userId = 0;
  std::int64_t cardId = 0;
  std::int64_t issuedId = 0;
  sdk::Fen amount = 0;
  std::int64_t days = 0;
  std::int64_t validUntil = 0;  // after the purchase
  std::string reference;
  std::int64_t createdAt = 0;
};

// As the mobile API answers it: validUntil in China time, active or expired at nowMs.
Poco::JSON::Object::Ptr toUserJson(const IssuedCard& card, std::int64_t nowMs);
// As admins see it: with the user and the times in epoch ms too.
Poco::JSON::Object::Ptr toAdminJson(const IssuedCard& card, std::int64_t nowMs);
Poco::JSON::Object::Ptr toJson(const Purchase& purchase);

}  // namespace paynext::plugins::membercard
