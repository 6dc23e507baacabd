#pragma once
#include <vector>

#include "paynext/sdk/route.h"

namespace paynext::plugins::cpmatch {

// The admin routes under /admin/api/factories/{f}/modules/cpmatch (shown in the
// console's 模块设置). Lists take offset? (0) and limit? (50, at most 500).
//   GET  /activities     id? -> one activity, else all of them by id              (CP活动)
//   POST /activities     title, fee, capacity, perGender?, dateStart, dateEnd, onSale? -> the new activity
//   PUT  /activities     id and the same fields -> the activity replaced; capacity never below what is
//                        admitted, perGender fixed once someone is admitted, nothing after the pairing
//   GET  /participants   id? | cpactivityId?, userId?, status? -> sign-ups, newest first, with     (报名与入场)
//                        the user's nickname and masked mobile and the pairing's outcome
//   GET  /pairs          cpactivityId? -> pairs by id, both sides' nickname and masked mobile     (配对结果)
std::vector<sdk::Route> adminRoutes();

}  // namespace paynext::plugins::cpmatch
