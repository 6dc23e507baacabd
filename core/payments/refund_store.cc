#include "core/payments/refund_store.h"

#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

namespace paynext::core::payments {

using namespace Poco::Data::Keywords;

namespace {

const std::string kColumns =
    "id, factory_id, payment_id, user_id, out_trade_id, out_refund_no, amount, points, points_fen, earned_points, "
    "reason, status, channel_refund_id, failure, actor, created_at, finished_at";

std::vector<Refund> select(Poco::Data::Session& session, const std::string& where, std::int64_t factoryId,
                           const std::string& key) {
  std::vector<std::int64_t> ids, factories, payments, users, amounts, points, pointsFen, earned, created, finished;
  std::vector<std::string> outs, numbers, reasons, statuses, channelIds, failures, actors;
  std::string k = key;
  session << "SELECT " + kColumns + " FROM refunds WHERE factory_id = $1 AND " + where + " ORDER BY id",
      use(factoryId), use(k), into(ids), into(factories), into(payments), into(users), into(outs), into(numbers),
      into(amounts), into(points), into(pointsFen), into(earned), into(reasons), into(statuses), into(channelIds),
      into(failures), into(actors), into(created), into(finished), now;
  std::vector<Refund> out;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    out.push_back({ids[i], factories[i], payments[i], users[i], outs[i], numbers[i], amounts[i], points[i],
                   pointsFen[i], earned[i], reasons[i], statuses[i], channelIds[i], failures[i], actors[i], created[i],
                   finished[i]});
  }
  return out;
}

}  // namespace

std::optional<Refund> RefundStore::find(std::int64_t factoryId, const std::string& outRefundNo) {
  auto found = select(session_, "out_refund_no = $2", factoryId, outRefundNo);
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<Refund> RefundStore::ofPayment(std::int64_t factoryId, const std::string& outTradeId) {
  return select(session_, "out_trade_id = $2", factoryId, outTradeId);
}

RefundedSoFar RefundStore::refundedSoFar(std::int64_t paymentId) {
  RefundedSoFar sum;
  session_ << "SELECT COALESCE(SUM(CASE WHEN status = 'FAILED' THEN 0 ELSE amount END), 0), "
              "COALESCE(SUM(points), 0), COALESCE(SUM(points_fen), 0), "
              "COALESCE(SUM(CASE WHEN status = 'FAILED' THEN 0 ELSE earned_points END), 0) "
              "FROM refunds WHERE payment_id = $1",
      use(paymentId), into(sum.amount), into(sum.points), into(sum.pointsFen), into(sum.earnedPoints), now;
  return sum;
}

void RefundStore::insert(const Refund& refund) {
  Refund r = refund;  // Poco's use() binds non-const lvalues
  session_ << "INSERT INTO refunds (factory_id, payment_id, user_id, out_trade_id, out_refund_no, amount, points, "
              "points_fen, earned_points, reason, status, actor, created_at, finished_at, polled_at) "
              "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
      use(r.factoryId), use(r.paymentId), use(r.userId), use(r.outTradeId), use(r.outRefundNo), use(r.amount),
      use(r.points), use(r.pointsFen), use(r.earnedPoints), use(r.reason), use(r.status), use(r.actor),
      use(r.createdAt), use(r.finishedAt), use(r.createdAt), now;
}

bool RefundStore::finish(std::int64_t factoryId, const std::string& outRefundNo, const std::string& status,
                         const std::string& channelRefundId, const std::string& failure, std::int64_t at) {
  std::string number = outRefundNo, st = status, channelId = channelRefundId, why = failure;
  Poco::Data::Statement update(session_);
  update << "UPDATE refunds SET status = $1, channel_refund_id = $2, failure = $3, finished_at = $4 "
            "WHERE factory_id = $5 AND out_refund_no = $6 AND status = 'PROCESSING'",
      use(st), use(channelId), use(why), use(at), use(factoryId), use(number);
  return update.execute() == 1;
}

void RefundStore::note(std::int64_t factoryId, const std::string& outRefundNo, const std::string& channelRefundId,
                       const std::string& note) {
  std::string number = outRefundNo, channelId = channelRefundId, text = note;
  session_ << "UPDATE refunds SET channel_refund_id = $1, failure = $2 WHERE factory_id = $3 AND out_refund_no = $4 "
              "AND status = 'PROCESSING'",
      use(channelId), use(text), use(factoryId), use(number), now;
}

std::vector<PendingRefund> RefundStore::takePending(std::int64_t notPolledSince, int limit, bool skipLocked,
                                                    std::int64_t at) {
  std::vector<std::int64_t> ids, factories, amounts, totals;
  std::vector<std::string> names, channels, outs, numbers, reasons;
  std::string sql =
      "SELECT r.id, r.factory_id, f.name, p.channel, r.out_trade_id, r.out_refund_no, r.amount, p.amount, r.reason "
      "FROM refunds r JOIN payments p ON p.id = r.payment_id JOIN factories f ON f.id = r.factory_id "
      "WHERE r.status = 'PROCESSING' AND r.polled_at <= $1 ORDER BY r.polled_at, r.id LIMIT $2";
  if (skipLocked) sql += " FOR UPDATE OF r SKIP LOCKED";
  session_ << sql, use(notPolledSince), use(limit), into(ids), into(factories), into(names), into(channels),
      into(outs), into(numbers), into(amounts), into(totals), into(reasons), now;
  std::vector<PendingRefund> out;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    session_ << "UPDATE refunds SET polled_at = $1 WHERE id = $2", use(at), use(ids[i]), now;
    out.push_back({factories[i], names[i], channels[i], outs[i], numbers[i], amounts[i], totals[i], reasons[i]});
  }
  return out;
}

}  // namespace paynext::core::payments
