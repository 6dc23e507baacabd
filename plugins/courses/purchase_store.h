#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "paynext/sdk/action_context.h"
#include "paynext/sdk/clock.h"
#include "paynext/sdk/money.h"

#include "purchase.h"

namespace paynext::plugins::courses {

// courses_purchases of one factory; a user's reads are bound to the user.
class PurchaseStore {
 public:
  PurchaseStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock)
      : session_(session), factoryId_(factoryId), clock_(clock) {}
  // In the scope's session, factory and clock.
  explicit PurchaseStore(const sdk::Scope& scope) : PurchaseStore(scope.session, scope.factoryId, scope.clock) {}

  Purchase create(std::int64_t userId, std::int64_t courseId);  // unpaid, stamped with the clock's now
  std::optional<Purchase> find(std::int64_t id);                // any user's (admins)
  std::optional<Purchase> findForUser(std::int64_t userId, std::int64_t id);
  std::optional<Purchase> findUnpaid(std::int64_t userId, std::int64_t courseId);
  bool enrolled(std::int64_t userId, std::int64_t courseId);  // holds a paid purchase of it
  // Newest first; a user or course of 0 and a status of "" mean any.
  std::vector<Purchase> list(std::int64_t userId, std::int64_t courseId, const std::string& status, int offset,
                             int limit);
  // UNPAID -> PAID under the step's reference; false when it was no longer unpaid.
  bool markPaid(std::int64_t id, std::int64_t userId, const std::string& reference, sdk::Fen amount);
  // UNPAID -> CANCELLED; false when it was no longer unpaid.
  bool cancel(std::int64_t id, std::int64_t userId);

 private:
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
  const sdk::Clock& clock_;
};

}  // namespace paynext::plugins::courses
