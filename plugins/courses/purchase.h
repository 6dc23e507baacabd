#pragma once
#include <cstdint>
#include <string>

#include <Poco/JSON/Object.h>

#include "paynext/sdk/money.h"

#include "course.h"

namespace paynext::plugins::courses {

inline const std::string kUnpaid = "UNPAID";
inline const std::string kPaid = "PAID";
inline const std::string kCancelled = "CANCELLED";

// A user's purchase record of a course: the `id` of nextAction type 15. It
// owes the course's price as admins set it when it is paid; amount records
// what the paying step debited.
struct Purchase {
  std::int64_t id = 0;
  std::int64_t userId = 0;
  std::int64_t courseId = 0;
  std::string status;  // kUnpaid, kPaid or kCancelled
  sdk::Fen amount = 0;
  std::string reference;  // the paying step's idempotency key, empty until paid
  std::int64_t createdAt = 0;
  std::int64_t paidAt = 0;
  std::int64_t cancelledAt = 0;

  // 课程购买记录 N, as refusals name it.
  std::string named() const { return "课程购买记录 " + std::to_string(id); }
};

// Money in yuan. With its course: the title, and the price an unpaid record
// would be paid at now (a paid one shows what was paid).
Poco::JSON::Object::Ptr toJson(const Purchase& purchase, const Course* course = nullptr);

}  // namespace paynext::plugins::courses
