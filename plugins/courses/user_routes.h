#pragma once
#include <vector>

#include "paynext/sdk/route.h"

namespace paynext::plugins::courses {

// The mobile routes (API工厂 envelope, money in yuan, dates in China time).
// Lists take page? (1), pageSize? (20, at most 100) and answer 700 暂无数据 when empty.
//   Public /courses/list              -> courses on sale, by id, with seats, seatsTaken, seatsLeft, started
//   Public /courses/detail            id -> one course (700 when unknown)
//   POST   /courses/buy               courseId -> the caller's unpaid purchase record (its id is the
//                                     nextAction {type:15, id}); the same record again while unpaid;
//                                     refused for a course off sale, started or full, or one the
//                                     caller is enrolled in already
//          /courses/my/purchases      status? (UNPAID, PAID, CANCELLED) -> the caller's records, newest first
//          /courses/my/courses        -> the courses the caller is enrolled in, with purchaseId and paidAt
//   POST   /courses/purchase/cancel   id -> the caller's unpaid record, now CANCELLED
std::vector<sdk::Route> userRoutes();

}  // namespace paynext::plugins::courses
