#pragma once
#include <cstdint>
#include <string>

#include <Poco/JSON/Object.h>

#include "paynext/sdk/money.h"

namespace paynext::plugins::addbell {

// A service (服务项目) a technician gives: a session of a base length at a
// base price, and the unit a running session is lengthened by (加钟).
struct Service {
  std::int64_t id = 0;
  std::string name;
  std::int64_t baseMinutes = 0;
  sdk::Fen basePrice = 0;
  std::int64_t unitMinutes = 0;  // one added unit
  sdk::Fen unitPrice = 0;        // per added unit
  bool addEnabled = true;        // off: no new add-bell records
  std::int64_t maxUnits = 1;     // per add-bell record
  std::int64_t createdAt = 0;    // epoch ms
  std::int64_t updatedAt = 0;
};

// As admins and users see it: prices in yuan.
Poco::JSON::Object::Ptr toJson(const Service& service);

}  // namespace paynext::plugins::addbell
