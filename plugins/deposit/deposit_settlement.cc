#include "deposit_settlement.h"

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

#include "deposit_store.h"

namespace paynext::plugins::deposit {

namespace {

const std::string kReleaseReason = "退还押金";
const std::string kForfeitReasonPrefix = "扣除押金:";
const std::string kRelease = "退还";
const std::string kForfeit = "扣除";

sdk::Error notFound(std::int64_t id) {
  return sdk::Error(sdk::codes::kNoData, "押金记录 " + std::to_string(id) + " 不存在");
}

std::string stateName(const std::string& status) {
  if (status == kReleased) return "已退还";
  if (status == kForfeited) return "已扣除";
  return status;
}

sdk::Error notHeld(const Deposit& deposit, const std::string& action) {
  return sdk::Error(DepositSettlement::kNotHeld, "押金 " + std::to_string(deposit.id) + " " +
                                                     stateName(deposit.status) + ",不能再" + action);
}

}  // namespace

Deposit DepositSettlement::release(std::int64_t id) {
  const Deposit deposit = held(id, kRelease);
  return settle(deposit, kReleased, 0, "", kRelease);
}

Deposit DepositSettlement::forfeit(std::int64_t id, sdk::Fen amount, const std::string& reason) {
  const Deposit deposit = held(id, kForfeit);
  if (amount <= 0) throw sdk::params::invalid("amount", "大于 0 的金额");
  if (amount > deposit.amount) {
    throw sdk::ParamError("amount", "参数 amount 不能超过押金金额 " + sdk::formatYuan(deposit.amount) + " 元");
  }
  return settle(deposit, kForfeited, amount, reason, kForfeit);
}

Deposit DepositSettlement::held(std::int64_t id, const std::string& action) {
  DepositStore store(scope_.session, scope_.factoryId, scope_.clock);
  auto deposit = store.find(id);
  if (!deposit) throw notFound(id);
  if (deposit->status != kHeld) throw notHeld(*deposit, action);
  return *deposit;
}

Deposit DepositSettlement::settle(const Deposit& deposit, const std::string& status, sdk::Fen forfeited,
                                  const std::string& reason, const std::string& action) {
  DepositStore store(scope_.session, scope_.factoryId, scope_.clock);
  // The host already runs writes as if one after another (SQLite's single
  // writer; PostgreSQL SERIALIZABLE, a loser run again and refused by held()).
  // The update is conditional on HELD too, so the state never depends on that alone.
  if (!store.settle(deposit.id, status, forfeited, reason)) throw notHeld(*store.find(deposit.id), action);
  sdk::Ledger& wallet = scope_.wallets.of(deposit.userId);
  if (forfeited == 0) {
    wallet.unfreeze(deposit.amount, kReleaseReason, deposit.reference);
  } else {
    wallet.unfreeze(deposit.amount, kForfeitReasonPrefix + reason, deposit.reference);
    wallet.debit(forfeited, kForfeitReasonPrefix + reason, deposit.reference);
  }
  return *store.find(deposit.id);
}

}  // namespace paynext::plugins::deposit
