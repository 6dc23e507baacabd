#pragma once
#include <cstdint>
#include <string>

#include <Poco/JSON/Object.h>

#include "paynext/sdk/money.h"

namespace paynext::plugins::knowledge {

// A knowledge item (知识付费内容) an admin publishes: its summary is public,
// its content only for users who paid for it.
struct Item {
  std::int64_t id = 0;
  std::string title;
  std::string summary;
  sdk::Fen price = 0;
  std::string content;
  bool onSale = true;
  std::int64_t createdAt = 0;  // epoch ms
  std::int64_t updatedAt = 0;
};

// As users see it: price in yuan; the content only when `bought`.
Poco::JSON::Object::Ptr toUserJson(const Item& item, bool bought);
// As admins see it: everything, price in yuan.
Poco::JSON::Object::Ptr toAdminJson(const Item& item);

}  // namespace paynext::plugins::knowledge
