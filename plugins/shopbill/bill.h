#pragma once
#include <cstdint>
#include <string>

#include <Poco/JSON/Object.h>

#include "paynext/sdk/money.h"

namespace paynext::plugins::shopbill {

// A bill paid at a shop (买单记录), written once by the step that paid it.
struct Bill {
  std::int64_t id = 0;
  std::int64_t shopId = 0;
  std::string shopName;  // the shop's name when the bill was paid
  std::int64_t userId = 0;
  sdk::Fen bill = 0;      // before the discount
  sdk::Fen discount = 0;  // bill - paid
  sdk::Fen paid = 0;      // debited from the wallet
  std::string day;        // the China date it was paid, "yyyy-MM-dd": what totals group by
  std::int64_t createdAt = 0;  // epoch ms
  std::string stepKey;         // the step's idempotency key
};

// Amounts in yuan, the time in China time; admins also see the step's key.
Poco::JSON::Object::Ptr toUserJson(const Bill& bill);
Poco::JSON::Object::Ptr toAdminJson(const Bill& bill);

// Sums of bills, per shop (and per day when `day` is set).
struct Totals {
  std::int64_t shopId = 0;
  std::string shopName;
  std::string day;  // empty for a shop's totals over every day asked for
  std::int64_t count = 0;
  sdk::Fen bill = 0;
  sdk::Fen discount = 0;
  sdk::Fen paid = 0;
};

Poco::JSON::Object::Ptr toJson(const Totals& totals);

}  // namespace paynext::plugins::shopbill
