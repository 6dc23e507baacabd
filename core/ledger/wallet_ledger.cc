#include "core/ledger/wallet_ledger.h"

#include <stdexcept>

#include <Poco/Data/Statement.h>

#include "core/common/clock.h"
#include "paynext/sdk/errors.h"
#include "paynext/sdk/messages.h"

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

std::optional<std::int64_t> WalletLedger::change(const char* column, std::int64_t delta, sdk::Fen consumed) {
  // The column name comes from this file only, never from input. The new
  // total comes back with the update, for the ledger entry.
  const std::string col(column);
  std::int64_t after = 0;
  Poco::Data::Statement update(session_);
  update << "UPDATE wallets SET " + col + " = " + col + " + $1, total_consumed = total_consumed + $2 "
                "WHERE user_id = $3 AND factory_id = $4 AND " + col + " + $1 >= 0 RETURNING " + col,
      use(delta), use(consumed), use(userId_), use(factoryId_), into(after);
  if (update.execute() == 0) return std::nullopt;
  return after;
}

std::int64_t WalletLedger::add(const char* column, std::int64_t amount) {
  const auto after = change(column, amount);
  // Wallets are made with their users, so none here means no such user.
  if (!after) throw sdk::Error(sdk::codes::kNoData, sdk::messages::userNotFound(userId_));
  return *after;
}

std::optional<std::pair<std::int64_t, std::int64_t>> WalletLedger::move(const char* from, const char* to,
                                                                        std::int64_t amount) {
  // Both columns in one UPDATE; the names come from this file only.
  const std::string f(from), t(to);
  std::int64_t fromAfter = 0, toAfter = 0;
  Poco::Data::Statement update(session_);
  update << "UPDATE wallets SET " + f + " = " + f + " - $1, " + t + " = " + t + " + $1 WHERE user_id = $2 "
                "AND factory_id = $3 AND " + f + " - $1 >= 0 RETURNING " + f + ", " + t,
      use(amount), use(userId_), use(factoryId_), into(fromAfter), into(toAfter);
  if (update.execute() == 0) return std::nullopt;
  return std::make_pair(fromAfter, toAfter);
}

void WalletLedger::record(const char* currency, std::int64_t delta, std::int64_t after, const std::string& reason,
                          const std::string& reference) {
  std::string cur = currency, r = reason, ref = reference;
  std::int64_t at = nowMs();
  session_ << "INSERT INTO ledger_entries (factory_id, user_id, currency, amount, balance_after, reason, reference, "
              "created_at, origin) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
      use(factoryId_), use(userId_), use(cur), use(delta), use(after), use(r), use(ref), use(at), use(origin_), now;
}

void WalletLedger::debit(sdk::Fen amount, const std::string& reason, const std::string& reference) {
  requirePositive(amount);
  const auto after = change("balance", -amount, amount);
  if (!after) throw sdk::InsufficientFunds("余额不足");
  record("balance", -amount, *after, reason, reference);
}

void WalletLedger::credit(sdk::Fen amount, const std::string& reason, const std::string& reference) {
  requirePositive(amount);
  record("balance", amount, add("balance", amount), reason, reference);
}

void WalletLedger::freeze(sdk::Fen amount, const std::string& reason, const std::string& reference) {
  requirePositive(amount);
  const auto after = move("balance", "frozen", amount);
  if (!after) throw sdk::InsufficientFunds("余额不足");
  record("balance", -amount, after->first, reason, reference);
  record("frozen", amount, after->second, reason, reference);
}

void WalletLedger::unfreeze(sdk::Fen amount, const std::string& reason, const std::string& reference) {
  requirePositive(amount);
  const auto after = move("frozen", "balance", amount);
  if (!after) throw sdk::InsufficientFunds("冻结金额不足");
  record("frozen", -amount, after->first, reason, reference);
  record("balance", amount, after->second, reason, reference);
}

void WalletLedger::debitPoints(std::int64_t points, const std::string& reason, const std::string& reference) {
  requirePositive(points);
  const auto after = change("points", -points);
  if (!after) throw sdk::Error(sdk::codes::kNotEnoughPoints, "积分不足");
  record("points", -points, *after, reason, reference);
}

void WalletLedger::creditPoints(std::int64_t points, const std::string& reason, const std::string& reference) {
  requirePositive(points);
  record("points", points, add("points", points), reason, reference);
}

void WalletLedger::adjustBalance(sdk::Fen delta, const std::string& reason, const std::string& reference) {
  if (delta == 0) throw std::invalid_argument("ledger adjustments must not be zero");
  const auto after = change("balance", delta);
  if (!after) throw sdk::InsufficientFunds("余额不足");
  record("balance", delta, *after, reason, reference);
}

void WalletLedger::adjustPoints(std::int64_t delta, const std::string& reason, const std::string& reference) {
  if (delta == 0) throw std::invalid_argument("ledger adjustments must not be zero");
  const auto after = change("points", delta);
  if (!after) throw sdk::Error(sdk::codes::kNotEnoughPoints, "积分不足");
  record("points", delta, *after, reason, reference);
}

}  // namespace paynext::core::ledger
