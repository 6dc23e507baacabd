#pragma once
#include <cstdint>

#include "activity.h"
#include "activity_store.h"
#include "signup.h"
#include "signup_store.h"

namespace paynext::plugins::cpmatch {

// Who may sign up for and pay which activity, and when: both until the
// activity's start. The signup route, validate and execute all ask these, so
// each refuses the same things in the same words.

// The activity of an id, or Error 700 "CP活动 N 不存在".
Activity requireActivity(ActivityStore& activities, std::int64_t id);

// On sale and not started at nowMs (an ended one is named so); else Error 300.
void requireOpen(const Activity& activity, std::int64_t nowMs);

// A place left for `gender` (of any where not per gender); else Error 300.
void requirePlaceFor(const Activity& activity, int gender);

// The user's sign-up of the activity, pending; else Error 300 saying to sign up first, or that it is admitted.
Signup requirePendingSignup(SignupStore& signups, std::int64_t userId, const Activity& activity);

}  // namespace paynext::plugins::cpmatch
