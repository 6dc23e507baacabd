#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

#include "paynext/sdk/money.h"

namespace paynext::plugins::qualifications {

constexpr std::int64_t kDayMs = 86400000;

// One of the three qualifications: its nextAction type code, a machine name
// for the APIs, and what users and admins read.
struct Kind {
  int type = 0;
  std::string key;          // "leader", "distributor", "team_leader"
  std::string name;         // "社区团购团长"
  std::string actionTitle;  // the seed's words: "购买社区团购的团长"
};

// Types 12, 13 and 14, in that order.
const std::vector<Kind>& kinds();
// The kind of a type code; nullptr for any other code.
const Kind* kindOf(std::int64_t type);

// How admins sell a qualification: a price for some days, or for good.
struct Offer {
  int type = 0;
  sdk::Fen price = 0;
  std::int64_t days = 0;  // 0 when permanent
  bool permanent = false;
  bool onSale = true;
  std::int64_t updatedAt = 0;
};

// A user's qualification of one type; expiresAt is 0 when permanent.
struct Holding {
  std::int64_t id = 0;
  std::int64_t userId = 0;
  int type = 0;
  bool permanent = false;
  std::int64_t expiresAt = 0;
  std::int64_t grantedAt = 0;  // the first grant
  std::int64_t updatedAt = 0;

  bool activeAt(std::int64_t nowMs) const { return permanent || expiresAt > nowMs; }
};

// One paid step: what it cost and what it granted.
struct Grant {
  std::int64_t id = 0;
  std::int64_t userId = 0;
  int type = 0;
  sdk::Fen amount = 0;
  std::int64_t days = 0;
  bool permanent = false;
  std::int64_t expiresAt = 0;  // the holding's expiry after the grant; 0 when permanent
  std::string reference;
  std::int64_t createdAt = 0;
};

// As the APIs answer them: money in yuan, times in epoch ms, and the expiry
// also as dateEnd in China time ("永久" for a permanent one).
Poco::JSON::Object::Ptr toJson(const Kind& kind, const Offer& offer);
// Admins see every kind, priced or not (an unpriced one has price null).
Poco::JSON::Object::Ptr toAdminJson(const Kind& kind, const std::optional<Offer>& offer);
Poco::JSON::Object::Ptr toJson(const Holding& holding, std::int64_t nowMs);
Poco::JSON::Object::Ptr toJson(const Grant& grant);

}  // namespace paynext::plugins::qualifications
