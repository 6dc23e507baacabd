#include "add_bell_payment.h"

#include "paynext/sdk/errors.h"

#include "add_bell_store.h"
#include "order_store.h"
#include "refusals.h"

namespace paynext::plugins::addbell {

AddBellPayment::AddBellPayment(sdk::Scope& scope, std::int64_t recordId, const std::string& reference)
    : scope_(scope) {
  const auto record =
      AddBellStore(scope.session, scope.factoryId, scope.clock).findForUser(scope.userId, recordId);
  // Another user's record is reported as missing: its existence is not the caller's business.
  if (!record) throw sdk::Error(sdk::codes::kNoData, refusals::recordNotFound(recordId));
  record_ = *record;
  if (record_.status == kPaid) {
    if (!reference.empty() && record_.paidReference == reference) {
      settled_ = true;
      return;
    }
    throw sdk::Error(sdk::codes::kBadRequest, refusals::alreadyPaid(recordId));
  }
  if (record_.status != kPending) throw sdk::Error(sdk::codes::kBadRequest, refusals::expired(recordId));
  const auto order = OrderStore(scope.session, scope.factoryId, scope.clock).find(record_.orderId);
  if (!order) throw sdk::Error(sdk::codes::kNoData, refusals::orderNotFound(record_.orderId));
  refusals::requireRunning(*order, scope.clock.nowMs());
}

void AddBellPayment::pay(sdk::Ledger& ledger, const std::string& reference) {
  if (settled_) return;
  if (!AddBellStore(scope_.session, scope_.factoryId, scope_.clock).markPaid(scope_.userId, record_.id, reference)) {
    throw sdk::Error(sdk::codes::kBadRequest, refusals::alreadyPaid(record_.id));
  }
  if (!OrderStore(scope_.session, scope_.factoryId, scope_.clock).extend(record_.orderId, record_.minutes)) {
    throw sdk::Error(sdk::codes::kBadRequest, refusals::orderFinished(record_.orderId));
  }
  ledger.debit(record_.amount, "加钟", "addbell:" + std::to_string(record_.id));
}

}  // namespace paynext::plugins::addbell
