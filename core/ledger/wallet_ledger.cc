#include "core/ledger/wallet_ledger.h"

#include <stdexcept>

#include <Poco/Data/Statement.h>

#include "core/common/clock.h"
#include "paynext/sdk/errors.h"

namespace paynext::core::ledger {

using namespace Poco::Data::Keywords;

namespace {
void requirePositive(std::int64_t amount) {
  if (amount <= 0) throw std::invalid_argument("ledger amounts must be positive");
}
}  // namespace

WalletLedger::WalletLedger(Poco::Data::Session& session, std::int64_t factoryId, std::int64_t userId,
                           std::string origin)
    : session_(session), factoryId_(factoryId), userId_(userId), origin_(std::move(origin)) {
  if (userId_ <= 0) throw sdk::Error(sdk::codes::kNotLoggedIn, "请先登录");
}

WalletAmounts WalletLedger::amounts() {
  WalletAmounts a;
  session_ << "SELECT balance, frozen, points, total_consumed FROM wallets WHERE user_id = $1 AND factory_id = $2",
      use(userId_), use(factoryId_), into(a.balance), into(a.frozen), into(a.points), into(a.totalConsumed), now;
  return a;
}

bool WalletLedger::change(const char* column, std::int64_t delta) {
  // The column name comes from this file only, never from input.
  const std::string col(column);
  Poco::Data::Statement update(session_);
  update << "UPDATE wallets SET " + col + " = " + col + " + $1 WHERE user_id = $2 AND factory_id = $3 AND " + col +
                " + $1 >= 0",
      use(delta), use(userId_), use(factoryId_);
  return update.execute() == 1;
}

void WalletLedger::record(const char* currency, std::int64_t delta, const std::string& reason,
                          const std::string& reference) {
  const std::string col(currency);
  std::int64_t after = 0;
  session_ << "SELECT " + col + " FROM wallets WHERE user_id = $1 AND factory_id = $2", use(userId_), use(factoryId_),
      into(after), now;
  std::string cur = col, r = reason, ref = reference;
  std::int64_t at = nowMs();
  session_ << "INSERT INTO ledger_entries (factory_id, user_id, currency, amount, balance_after, reason, reference, "
              "created_at, origin) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
      use(factoryId_), use(userId_), use(cur), use(delta), use(after), use(r), use(ref), use(at), use(origin_), now;
}

void WalletLedger::debit(sdk::Fen amount, const std::string& reason, const std::string& reference) {
  requirePositive(amount);
  if (!change("balance", -amount)) throw sdk::InsufficientFunds("余额不足");
  record("balance", -amount, reason, reference);
  session_ << "UPDATE wallets SET total_consumed = total_consumed + $1 WHERE user_id = $2 AND factory_id = $3",
      use(amount), use(userId_), use(factoryId_), now;
}

void WalletLedger::credit(sdk::Fen amount, const std::string& reason, const std::string& reference) {
  requirePositive(amount);
  change("balance", amount);
  record("balance", amount, reason, reference);
}

void WalletLedger::freeze(sdk::Fen amount, const std::string& reason, const std::string& reference) {
  requirePositive(amount);
  if (!change("balance", -amount)) throw sdk::InsufficientFunds("余额不足");
  record("balance", -amount, reason, reference);
  change("frozen", amount);
  record("frozen", amount, reason, reference);
}

void WalletLedger::unfreeze(sdk::Fen amount, const std::string& reason, const std::string& reference) {
  requirePositive(amount);
  if (!change("frozen", -amount)) throw sdk::InsufficientFunds("冻结金额不足");
  record("frozen", -amount, reason, reference);
  change("balance", amount);
  record("balance", amount, reason, reference);
}

void WalletLedger::debitPoints(std::int64_t points, const std::string& reason, const std::string& reference) {
  requirePositive(points);
  if (!change("points", -points)) throw sdk::Error(sdk::codes::kNotEnoughPoints, "积分不足");
  record("points", -points, reason, reference);
}

void WalletLedger::creditPoints(std::int64_t points, const std::string& reason, const std::string& reference) {
  requirePositive(points);
  change("points", points);
  record("points", points, reason, reference);
}

void WalletLedger::adjustBalance(sdk::Fen delta, const std::string& reason, const std::string& reference) {
  if (delta == 0) throw std::invalid_argument("ledger adjustments must not be zero");
  if (!change("balance", delta)) throw sdk::InsufficientFunds("余额不足");
  record("balance", delta, reason, reference);
}

void WalletLedger::adjustPoints(std::int64_t delta, const std::string& reason, const std::string& reference) {
  if (delta == 0) throw std::invalid_argument("ledger adjustments must not be zero");
  if (!change("points", delta)) throw sdk::Error(sdk::codes::kNotEnoughPoints, "积分不足");
  record("points", delta, reason, reference);
}

}  // namespace paynext::core::ledger
