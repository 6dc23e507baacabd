#pragma once
#include <vector>

#include "paynext/sdk/route.h"

namespace paynext::plugins::cpmatch {

// The mobile routes (API工厂 envelope with token, money in yuan, dates in
// China time). Lists take page? (1), pageSize? (20, at most 100) and answer
// 700 暂无数据 when empty.
//   /cpmatch/activities       -> activities on sale, by id, with placesLeft (per gender: malePlacesLeft,
//                                femalePlacesLeft), state and the caller's sign-up status (mySignup, "" if none)
//   POST /cpmatch/signup      cpactivityId, gender (1 男, 2 女) -> the caller's PENDING sign-up, which
//                                nextAction {type:23, cpactivityId} pays; again while pending restates the
//                                gender; refused when the activity is off, started, full for that gender, or
//                                the caller is admitted already
//   /cpmatch/my/signups       status? (PENDING, ADMITTED) -> the caller's sign-ups, newest first, each with
//                                pairStatus (WAITING, PAIRED, UNPAIRED), message and, when paired, match
//   /cpmatch/my/match         cpactivityId -> the caller's sign-up of that activity, the same way
std::vector<sdk::Route> userRoutes();

}  // namespace paynext::plugins::cpmatch
