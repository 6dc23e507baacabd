#include "core/payments/payment_queries.h"

#include <Poco/Data/Statement.h>

#include "core/storage/json_rows.h"

namespace paynext::core::payments {

using namespace Poco::Data::Keywords;
using Poco::Data::Session;

namespace {

using storage::jsonRows;

const char* const kPaymentColumns =
    "SELECT out_trade_id AS \"outTradeId\", user_id AS \"userId\", channel, amount, points, points_fen AS \"pointsFen\", "
    "status, pay_name AS \"payName\", "
    "remark, next_action AS \"nextAction\", channel_trade_no AS \"channelTradeNo\", created_at AS \"createdAt\", "
    "paid_at AS \"paidAt\" FROM payments";

}  // namespace

Poco::JSON::Array::Ptr PaymentQueries::search(std::int64_t factoryId, const PaymentFilter& f) {
  Session s = db_.session();
  Poco::Data::Statement statement(s);
  std::string sql = std::string(kPaymentColumns) + " WHERE factory_id = $1";
  statement , use(factoryId);
  int n = 1;
  // Only the filters given are added, each with its own bound placeholder.
  auto add = [&](const char* column, const char* op, auto& value) {
    sql += std::string(" AND ") + column + " " + op + " $" + std::to_string(++n);
    statement , bind(value);
  };
  if (!f.status.empty()) add("status", "=", f.status);
  if (!f.channel.empty()) add("channel", "=", f.channel);
  if (!f.outTradeId.empty()) add("out_trade_id", "=", f.outTradeId);
  if (f.userId) add("user_id", "=", f.userId);
  if (f.fromMs) add("created_at", ">=", f.fromMs);
  if (f.toMs) add("created_at", "<", f.toMs);
  const int limitAt = ++n, offsetAt = ++n;
  sql += " ORDER BY id DESC LIMIT $" + std::to_string(limitAt) + " OFFSET $" + std::to_string(offsetAt);
  statement , bind(f.limit), bind(f.offset);
  statement << sql;
  return jsonRows(statement);
}

Poco::JSON::Array::Ptr PaymentQueries::refunds(Session& s, std::int64_t factoryId, const std::string& outTradeId) {
  std::string out = outTradeId;
  Poco::Data::Statement refunds(s);
  refunds << "SELECT out_refund_no AS \"refundNo\", amount, points, points_fen AS \"pointsFen\", "
             "earned_points AS \"earnedPoints\", reason, status, channel_refund_id AS \"channelRefundId\", failure, "
             "actor, created_at AS \"createdAt\", finished_at AS \"finishedAt\" FROM refunds "
             "WHERE factory_id = $1 AND out_trade_id = $2 ORDER BY id",
      use(factoryId), use(out);
  return jsonRows(refunds);
}

Poco::JSON::Array::Ptr PaymentQueries::refunds(std::int64_t factoryId, const std::string& outTradeId) {
  Session s = db_.session();
  return refunds(s, factoryId, outTradeId);
}

Poco::JSON::Object::Ptr PaymentQueries::detail(std::int64_t factoryId, const std::string& outTradeId) {
  PaymentFilter filter;
  filter.outTradeId = outTradeId;
  filter.limit = 1;
  auto found = search(factoryId, filter);
  if (found->size() == 0) return nullptr;
  Poco::JSON::Object::Ptr payment = found->getObject(0);
  Session s = db_.session();
  std::string out = outTradeId, stepPrefix = outTradeId + "-%", origin = "pay:" + outTradeId;

  Poco::Data::Statement notifications(s);
  notifications << "SELECT n.outcome, n.detail, n.created_at AS \"createdAt\", n.repeats, n.last_at AS \"lastAt\" "
                   "FROM payment_notifications n "
                   "JOIN payments p ON p.id = n.payment_id WHERE p.factory_id = $1 AND p.out_trade_id = $2 "
                   "ORDER BY n.id",
      use(factoryId), use(out);
  payment->set("notifications", jsonRows(notifications));

  Poco::Data::Statement ledger(s);
  // The payment's own entries, its steps' and its refunds'.
  ledger << "SELECT currency, amount, balance_after AS \"balanceAfter\", reason, reference, origin, "
            "created_at AS \"createdAt\" FROM ledger_entries WHERE factory_id = $1 AND (origin = $2 OR origin LIKE $3 "
            "OR origin IN (SELECT 'refund:' || out_refund_no FROM refunds WHERE factory_id = $4 AND out_trade_id = $5)) "
            "ORDER BY id",
      use(factoryId), use(origin), use(stepPrefix), use(factoryId), use(out);
  payment->set("ledger", jsonRows(ledger));
  payment->set("refunds", refunds(s, factoryId, outTradeId));

  Poco::Data::Statement steps(s);
  steps << "SELECT s.seq, s.type, s.module, s.params, s.status, s.attempts, s.last_error AS \"lastError\", "
           "s.result, s.idempotency_key AS \"idempotencyKey\", s.next_run_at AS \"nextRunAt\", "
           "s.created_at AS \"createdAt\", s.updated_at AS \"updatedAt\" FROM chain_steps s "
           "JOIN payments p ON p.id = s.payment_id WHERE p.factory_id = $1 AND p.out_trade_id = $2 ORDER BY s.seq",
      use(factoryId), use(out);
  payment->set("steps", jsonRows(steps));
  return payment;
}

}  // namespace paynext::core::payments
