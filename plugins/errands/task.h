#pragma once
#include <cstdint>
#include <string>

#include <Poco/JSON/Object.h>

#include "paynext/sdk/money.h"

namespace paynext::plugins::errands {

// A task's life: UNPAID until a type 20 step pays it (or EXPIRED), PUBLISHED
// until someone takes it (or CANCELLED at its deadline, refunded), TAKEN,
// DELIVERED, and COMPLETED when the runner is paid.
inline const std::string kUnpaid = "UNPAID";
inline const std::string kPublished = "PUBLISHED";
inline const std::string kTaken = "TAKEN";
inline const std::string kDelivered = "DELIVERED";
inline const std::string kCompleted = "COMPLETED";
inline const std::string kExpired = "EXPIRED";
inline const std::string kCancelled = "CANCELLED";

bool isStatus(const std::string& status);
// What users read for a status: 待支付, 待接单, ...
std::string statusLabel(const std::string& status);

// 跑腿任务: what a poster wants carried, for a fee paid up front.
struct Task {
  std::int64_t id = 0;
  std::int64_t posterId = 0;
  std::int64_t runnerId = 0;  // 0 until taken
  std::string from;
  std::string to;
  std::string what;
  sdk::Fen fee = 0;
  std::int64_t deadlineAt = 0;  // someone must take it before this
  std::string status;
  std::string paidReference;  // the paying step's reference
  std::int64_t createdAt = 0;
  std::int64_t paidAt = 0;
  std::int64_t takenAt = 0;
  std::int64_t deliveredAt = 0;
  std::int64_t closedAt = 0;  // completed, expired or cancelled
  sdk::Fen commission = 0;    // the platform's share, once completed
  sdk::Fen payout = 0;        // the runner's, once completed
};

// As the mobile API and admins see it (money in yuan, times in epoch ms and
// the deadline also as China time).
Poco::JSON::Object::Ptr toJson(const Task& task);

}  // namespace paynext::plugins::errands
