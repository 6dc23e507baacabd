#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "paynext/sdk/clock.h"

#include "deposit.h"
#include "deposit_request.h"

namespace paynext::plugins::deposit {

// deposit_deposits of one factory; user-facing reads are bound to the user,
// admin reads (find, list) to the factory only.
class DepositStore {
 public:
  DepositStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock);

  // Stamped with the clock's now, under a reference not used before.
  Deposit create(std::int64_t userId, const DepositRequest& request, const std::string& reference);
  // create(), or nothing when the reference already has its deposit. The
  // unique key decides, not a read first: on PostgreSQL a SERIALIZABLE read
  // locks the index page that concurrent steps insert into, and they would
  // cancel each other.
  std::optional<Deposit> createOnce(std::int64_t userId, const DepositRequest& request, const std::string& reference);
  // Undoes a createOnce() whose money could not be frozen.
  void remove(std::int64_t id);
  // The deposit a chain step (or a /deposit/pay call) made, found by its reference.
  std::optional<Deposit> findByReference(const std::string& reference);
  std::optional<Deposit> findForUser(std::int64_t userId, std::int64_t id);
  std::vector<Deposit> listForUser(std::int64_t userId, int offset, int limit);  // newest first

  std::optional<Deposit> find(std::int64_t id);
  // Newest first; userId 0 and status "" match every deposit.
  std::vector<Deposit> list(std::int64_t userId, const std::string& status, int offset, int limit);
  // Moves a HELD deposit to `status`, stamped with the clock's now. False,
  // changing nothing, when it is not HELD (any more).
  bool settle(std::int64_t id, const std::string& status, sdk::Fen forfeitedAmount, const std::string& forfeitReason);

 private:
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
  const sdk::Clock& clock_;
};

}  // namespace paynext::plugins::deposit
