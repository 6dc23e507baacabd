#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "paynext/sdk/action_context.h"
#include "paynext/sdk/clock.h"
#include "paynext/sdk/money.h"

#include "signup.h"

namespace paynext::plugins::cpmatch {

// cpmatch_signups of one factory.
class SignupStore {
 public:
  SignupStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock)
      : session_(session), factoryId_(factoryId), clock_(clock) {}
  // In the scope's session, factory and clock.
  explicit SignupStore(const sdk::Scope& scope) : SignupStore(scope.session, scope.factoryId, scope.clock) {}

  Signup create(std::int64_t userId, std::int64_t activityId, int gender);  // pending, stamped with now
  std::optional<Signup> find(std::int64_t id);  // any user's (admins)
  std::optional<Signup> findFor(std::int64_t userId, std::int64_t activityId);
  // A pending sign-up's gender, restated; false when it is no longer pending.
  bool restate(std::int64_t id, int gender);
  // Newest first; a user or activity of 0 and a status of "" mean any.
  std::vector<Signup> list(std::int64_t userId, std::int64_t activityId, const std::string& status, int offset,
                           int limit);
  // Every admitted sign-up of an activity, by id.
  std::vector<Signup> admitted(std::int64_t activityId);
  // PENDING -> ADMITTED under the step's reference; false when it was no longer pending.
  bool admit(std::int64_t id, const std::string& reference, sdk::Fen amount);
  // The pairing's outcome for one admitted sign-up.
  void setPair(std::int64_t id, const std::string& pairStatus, std::int64_t matchUserId);

 private:
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
  const sdk::Clock& clock_;
};

}  // namespace paynext::plugins::cpmatch
