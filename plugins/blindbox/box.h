#pragma once
#include <cstdint>
#include <string>

#include <Poco/JSON/Object.h>

#include "paynext/sdk/money.h"

namespace paynext::plugins::blindbox {

inline const std::string kPending = "PENDING";      // written, not paid yet
inline const std::string kPublished = "PUBLISHED";  // paid: others may draw it
inline const std::string kExpired = "EXPIRED";      // not paid in time

// A box a user writes about themself; its contact is shown to whoever draws it.
struct Box {
  std::int64_t id = 0;
  std::int64_t userId = 0;
  int gender = 0;  // 1 男, 2 女
  std::string intro;
  std::string contact;
  std::string status = kPending;
  sdk::Fen amount = 0;  // what publishing debited
  std::int64_t createdAt = 0;
  std::int64_t publishedAt = 0;
  std::string paidReference;
};

// As its owner and admins see it (amount in yuan).
Poco::JSON::Object::Ptr toJson(const Box& box);
// As a drawer sees it: who they met, not the payment.
Poco::JSON::Object::Ptr toDrawnJson(const Box& box);

}  // namespace paynext::plugins::blindbox
