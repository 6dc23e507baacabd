#include "core/ledger/wallet_adjustment.h"

#include <optional>
#include <vector>

#include <Poco/String.h>

#include "core/common/clock.h"
#include "core/ledger/signed_yuan.h"
#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

namespace paynext::core::ledger {

using namespace Poco::Data::Keywords;

namespace {

constexpr int kNotFound = 404;
constexpr int kConflict = 409;
constexpr std::size_t kMaxReasonBytes = 255;

sdk::Fen parseBalance(const Poco::JSON::Object& body) {
  const Poco::Dynamic::Var v = body.get("balance");
  // A string only: a JSON number has no sign to insist on and may be inexact.
  const auto fen = v.isString() ? parseSignedYuan(v.extract<std::string>()) : std::nullopt;
  if (!fen) throw sdk::params::invalid("balance", "带 + 或 - 号、不超过两位小数的金额(元),如 +12.50 或 -3");
  if (*fen == 0) throw sdk::ParamError("balance", "参数 balance 不能为 0");
  return *fen;
}

// A JSON integer, or a string of digits with an optional sign ("+10", "-10").
// Stricter than sdk::params::optionalInt, which lets Poco skip spaces and
// thousands separators: "1,5" must not become 15 points.
std::optional<std::int64_t> signedInteger(const Poco::Dynamic::Var& v) {
  if (v.isBoolean()) return std::nullopt;
  if (v.isInteger()) return v.convert<Poco::Int64>();
  if (!v.isString()) return std::nullopt;
  const std::string text = v.extract<std::string>();
  const std::size_t digits = text.size() - ((!text.empty() && (text[0] == '+' || text[0] == '-')) ? 1 : 0);
  if (digits == 0 || digits > 18) return std::nullopt;
  std::int64_t n = 0;
  for (std::size_t i = text.size() - digits; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    n = n * 10 + (text[i] - '0');
  }
  return text[0] == '-' ? -n : n;
}

std::int64_t parsePoints(const Poco::JSON::Object& body) {
  const auto points = signedInteger(body.get("points"));
  if (!points) throw sdk::params::invalid("points", "整数,如 +10 或 -10");
  if (*points == 0) throw sdk::ParamError("points", "参数 points 不能为 0");
  if (*points > kMaxPoints || *points < -kMaxPoints) throw sdk::ParamError("points", "参数 points 超出范围");
  return *points;
}

}  // namespace

WalletAdjustment parseWalletAdjustment(const Poco::JSON::Object& body) {
  namespace p = sdk::params;
  std::vector<std::string> names;
  body.getNames(names);
  for (const auto& name : names) {
    // A misspelt amount must not pass for an absent one.
    if (name != "balance" && name != "points" && name != "reason") {
      throw sdk::ParamError(name, "未知参数 " + name + ",只能是 balance、points 或 reason");
    }
  }
  WalletAdjustment a;
  if (p::has(body, "balance")) a.balance = parseBalance(body);
  if (p::has(body, "points")) a.points = parsePoints(body);
  if (!p::has(body, "balance") && !p::has(body, "points")) {
    throw sdk::ParamError("balance", "缺少参数 balance 或 points(至少调整一项)");
  }
  a.reason = Poco::trim(p::optionalString(body, "reason").value_or(""));
  if (a.reason.empty()) throw p::missing("reason");
  if (a.reason.size() > kMaxReasonBytes) {
    throw sdk::ParamError("reason", "参数 reason 不能超过 " + std::to_string(kMaxReasonBytes) + " 字节");
  }
  return a;
}

AppliedAdjustment applyWalletAdjustment(Poco::Data::Session& s, std::int64_t factoryId, std::int64_t userId,
                                        const std::string& admin, const WalletAdjustment& adjustment) {
  std::vector<std::int64_t> found;
  s << "SELECT u.id FROM users u JOIN wallets w ON w.user_id = u.id "
       "WHERE u.id = $1 AND u.factory_id = $2 AND w.factory_id = $2",
      use(userId), use(factoryId), into(found), now;
  if (found.empty()) throw sdk::Error(kNotFound, "用户 " + std::to_string(userId) + " 不存在");

  AppliedAdjustment out;
  out.before = WalletLedger(s, factoryId, userId).amounts();
  const WalletAmounts& b = out.before;
  // Checked first for a message that says by how much; the ledger's
  // conditional updates still guard against a concurrent change.
  if (adjustment.balance < 0 && b.balance + adjustment.balance < 0) {
    throw sdk::Error(kConflict, "余额不足:现有 " + sdk::formatYuan(b.balance) + " 元,不能扣减 " +
                                    sdk::formatYuan(-adjustment.balance) + " 元");
  }
  if (adjustment.points < 0 && b.points + adjustment.points < 0) {
    throw sdk::Error(kConflict, "积分不足:现有 " + std::to_string(b.points) + " 积分,不能扣减 " +
                                    std::to_string(-adjustment.points) + " 积分");
  }
  if (adjustment.balance > sdk::kMaxFen - b.balance) throw sdk::Error(kConflict, "调整后余额超出上限");
  if (adjustment.points > kMaxPoints - b.points) throw sdk::Error(kConflict, "调整后积分超出上限");

  std::string who = admin, reason = adjustment.reason;
  std::int64_t balance = adjustment.balance, points = adjustment.points, at = nowMs();
  s << "INSERT INTO wallet_adjustments (factory_id, user_id, admin, balance, points, reason, created_at) "
       "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
      use(factoryId), use(userId), use(who), use(balance), use(points), use(reason), use(at), into(out.id), now;
  out.reference = "admin:" + admin + ":" + std::to_string(out.id);
  WalletLedger wallet(s, factoryId, userId, out.reference);
  if (adjustment.balance != 0) wallet.adjustBalance(adjustment.balance, adjustment.reason, out.reference);
  if (adjustment.points != 0) wallet.adjustPoints(adjustment.points, adjustment.reason, out.reference);
  out.after = wallet.amounts();
  return out;
}

}  // namespace paynext::core::ledger
