#pragma once
#include <cstdint>
#include <string>

#include <Poco/JSON/Object.h>

#include "paynext/sdk/money.h"

namespace paynext::plugins::addbell {

inline const std::string kWaiting = "WAITING";    // before its start
inline const std::string kRunning = "RUNNING";    // from start until its end: add-bell allowed
inline const std::string kFinished = "FINISHED";  // past its end, or closed by an admin

constexpr std::int64_t kMinuteMs = 60000;

// A service order (服务订单) the front desk opens for a user: it runs from
// start for the service's base length plus every paid add-bell's minutes.
struct Order {
  std::int64_t id = 0;
  std::int64_t userId = 0;
  std::int64_t serviceId = 0;
  std::string serviceName;  // as when opened
  std::string technician;
  sdk::Fen price = 0;  // the base price when opened (paid at the desk, not here)
  std::int64_t startAt = 0;  // epoch ms
  std::int64_t baseMinutes = 0;
  std::int64_t addedMinutes = 0;
  std::int64_t endAt = 0;     // startAt + (base + added) minutes
  std::int64_t closedAt = 0;  // 0 unless an admin closed it
  std::int64_t createdAt = 0;

  // kWaiting, kRunning or kFinished at `now` (epoch ms).
  std::string status(std::int64_t now) const;
};

// As the mobile API answers it: start and end in China time.
Poco::JSON::Object::Ptr toJson(const Order& order, std::int64_t now);
// As admins see it: with the user, the price and the stamps.
Poco::JSON::Object::Ptr toAdminJson(const Order& order, std::int64_t now);

}  // namespace paynext::plugins::addbell
