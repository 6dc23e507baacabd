#pragma once
#include <vector>

#include "paynext/sdk/route.h"

namespace paynext::plugins::courses {

// Admin routes, mounted under /admin/api/factories/{factory}/modules/courses
// (JSON, money in yuan, dates in China time). Lists take limit? (50, at most
// 500) and offset? (0).
//   GET  /courses     id? -> one course (404 when unknown); else every course, by id, with seatsTaken
//   POST /courses     title, summary?, price, seats, dateStart, dateEnd, onSale? -> the new course
//   PUT  /courses     id and the same fields -> the course replaced (seats not below seatsTaken)
//   GET  /students    courseId? -> the enrolled students (paid purchases), newest first:
//                     {purchaseId, courseId, title, userId, nickname, mobile, amount, paidAt}
//   GET  /purchases   id? -> one record; else userId?, courseId?, status? -> purchase records, newest first
// A userId must name a user of the factory, a courseId a course: else 700.
std::vector<sdk::Route> adminRoutes();

}  // namespace paynext::plugins::courses
