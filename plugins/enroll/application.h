#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include <Poco/JSON/Object.h>

#include "paynext/sdk/money.h"
#include "paynext/sdk/users.h"

#include "form.h"

namespace paynext::plugins::enroll {

inline const std::string kUnpaid = "UNPAID";
inline const std::string kPaid = "PAID";
inline const std::string kCancelled = "CANCELLED";

// A user's application (报名记录) to a project, with the answers to its form:
// UNPAID until a type 3 step pays it (PAID, a seat taken) or the user cancels
// it (CANCELLED). Its id is the `id` of {type:3, id}.
struct Application {
  std::int64_t id = 0;
  std::int64_t projectId = 0;
  std::int64_t userId = 0;
  Answers answers;
  std::string status;
  sdk::Fen amount = 0;    // debited when paid
  std::string reference;  // the paying step's idempotency key
  std::int64_t createdAt = 0;
  std::int64_t paidAt = 0;
  std::int64_t cancelledAt = 0;

  std::string named() const { return "报名记录 " + std::to_string(id); }
};

// As its user sees it: `fee` is what was paid, or the project's fee while unpaid.
Poco::JSON::Object::Ptr toJson(const Application& a, const std::string& projectTitle, sdk::Fen fee);
// As admins see it: the same with the applicant.
Poco::JSON::Object::Ptr toAdminJson(const Application& a, const std::string& projectTitle, sdk::Fen fee,
                                    const std::optional<sdk::UserInfo>& user);

}  // namespace paynext::plugins::enroll
