#pragma once
#include <cstdint>
#include <string>

#include <Poco/JSON/Object.h>

#include "paynext/sdk/money.h"

namespace paynext::plugins::courses {

// A course an admin publishes. Its seats are taken by paid purchases only;
// it sells until its start (dateStart), while seats are left and it is on sale.
struct Course {
  std::int64_t id = 0;
  std::string title;
  std::string summary;
  sdk::Fen price = 0;
  std::int64_t seats = 0;
  std::int64_t seatsTaken = 0;  // paid purchases
  std::int64_t dateStart = 0;   // epoch ms
  std::int64_t dateEnd = 0;     // epoch ms, after dateStart
  bool onSale = true;
  std::int64_t createdAt = 0;
  std::int64_t updatedAt = 0;

  std::int64_t seatsLeft() const { return seats > seatsTaken ? seats - seatsTaken : 0; }
  bool started(std::int64_t nowMs) const { return nowMs >= dateStart; }
  // 课程「title」, as refusals name it.
  std::string named() const { return "课程「" + title + "」"; }
};

// Money in yuan, the schedule in China time ("yyyy-MM-dd HH:mm:ss"); whether it
// has started is judged at nowMs.
Poco::JSON::Object::Ptr toJson(const Course& course, std::int64_t nowMs);

}  // namespace paynext::plugins::courses
