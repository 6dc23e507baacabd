#pragma once
#include <cstdint>
#include <string>

#include <Poco/JSON/Object.h>

#include "paynext/sdk/money.h"

namespace paynext::plugins::membership {

constexpr std::int64_t kDayMs = 86400000;

// A user level (会员等级) admins keep.
struct Level {
  std::int64_t id = 0;
  std::string name;
  std::string description;
  std::int64_t createdAt = 0;
};

// A price item (等级价格) of a level: what userLevelPriceId names.
struct PriceItem {
  std::int64_t id = 0;
  std::int64_t levelId = 0;
  std::int64_t days = 0;
  sdk::Fen price = 0;
  bool autoRenew = false;  // whether the item offers auto-renewal
  bool enabled = true;
  std::int64_t createdAt = 0;
};

// A user's current level; one row per user of a factory.
struct Member {
  std::int64_t id = 0;
  std::int64_t userId = 0;
  std::int64_t levelId = 0;
  std::int64_t priceId = 0;  // the item renewals charge
  std::int64_t expiresAt = 0;
  bool autoRenew = false;
  std::int64_t updatedAt = 0;
};

// One paid step: kept so a repeated step changes nothing.
struct Purchase {
  std::int64_t id = 0;
  std::int64_t userId = 0;
  std::int64_t levelId = 0;
  std::int64_t priceId = 0;
  std::int64_t days = 0;
  sdk::Fen amount = 0;
  bool autoRenew = false;
  std::string remark;
  std::int64_t expiresAt = 0;  // after the purchase
  std::string reference;
  std::int64_t createdAt = 0;
};

inline const std::string kRenewed = "RENEWED";
inline const std::string kLapsed = "LAPSED";

// One auto-renewal attempt of the job: renewed, or lapsed and why.
struct Renewal {
  std::int64_t id = 0;
  std::int64_t userId = 0;
  std::int64_t levelId = 0;
  std::int64_t priceId = 0;
  sdk::Fen amount = 0;
  std::string status;  // kRenewed or kLapsed
  std::string reason;
  std::int64_t expiresAt = 0;  // after the attempt
  std::string reference;
  std::int64_t createdAt = 0;
};

// As the APIs answer them: money in yuan, times in epoch ms (and dateEnd in China time).
Poco::JSON::Object::Ptr toJson(const Level& level);
Poco::JSON::Object::Ptr toJson(const PriceItem& item);
Poco::JSON::Object::Ptr toJson(const Member& member, const std::string& levelName, std::int64_t nowMs);
Poco::JSON::Object::Ptr toJson(const Purchase& purchase);
Poco::JSON::Object::Ptr toJson(const Renewal& renewal);

}  // namespace paynext::plugins::membership
