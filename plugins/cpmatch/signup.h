#pragma once
#include <cstdint>
#include <string>

#include <Poco/JSON/Object.h>

#include "paynext/sdk/action_context.h"
#include "paynext/sdk/money.h"

#include "activity.h"

namespace paynext::plugins::cpmatch {

inline const std::string kPending = "PENDING";    // signed up, not paid
inline const std::string kAdmitted = "ADMITTED";  // paid: holds a place

// After the pair job, on an admitted sign-up.
inline const std::string kPaired = "PAIRED";
inline const std::string kUnpaired = "UNPAIRED";

// A user's sign-up to an activity (one per user and activity), with the
// gender the user stated. nextAction {type:23, cpactivityId} admits it.
struct Signup {
  std::int64_t id = 0;
  std::int64_t activityId = 0;
  std::int64_t userId = 0;
  int gender = 0;      // kMale or kFemale
  std::string status;  // kPending or kAdmitted
  sdk::Fen amount = 0;    // what the admitting step debited
  std::string reference;  // the admitting step's idempotency key, empty before
  std::int64_t createdAt = 0;
  std::int64_t admittedAt = 0;
  std::string pairStatus;        // "", kPaired or kUnpaired
  std::int64_t matchUserId = 0;  // the partner when kPaired
};

// What the user is told about the pairing of an admitted sign-up.
std::string pairMessage(const Signup& signup);

// Money in yuan; with the activity when known (title, state at the scope's
// clock), and when paired the match: its nickname and masked mobile, read
// through the scope's users.
Poco::JSON::Object::Ptr toJson(sdk::Scope& scope, const Signup& signup, const Activity* activity);

}  // namespace paynext::plugins::cpmatch
