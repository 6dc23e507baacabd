#include "core/payments/refund_service.h"

#include <cctype>

#include <Poco/DateTimeFormatter.h>
#include <Poco/Logger.h>
#include <Poco/Timestamp.h>

#include "core/common/clock.h"
#include "core/common/exception_text.h"
#include "core/common/utf8_characters.h"
#include "core/crypto/digest.h"
#include "core/ledger/wallet_ledger.h"
#include "paynext/sdk/errors.h"

namespace paynext::core::payments {

using namespace Poco::Data::Keywords;
using Poco::Data::Session;

namespace {

constexpr int kConflict = 409;
constexpr std::size_t kMaxReasonCharacters = 80;  // WeChat's refund reason, the shortest of the channels
constexpr std::size_t kMaxRefundNoBytes = 64;  // WeChat's out_refund_no and Alipay's out_request_no
const std::string kEarnedReason = "支付赠送积分";  // PaymentService::grantEarnedPoints

Poco::Logger& log() { return Poco::Logger::get("paynext.refunds"); }

sdk::Error conflict(const std::string& message) { return sdk::Error(kConflict, message); }

// Letters, digits and _-|*@, as both channels take a refund number.
bool validRefundNo(const std::string& no) {
  if (no.empty() || no.size() > kMaxRefundNoBytes) return false;
  for (char c : no) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && std::string("_-|*@").find(c) == std::string::npos) return false;
  }
  return true;
}

void check(const RefundRequest& r) {
  if (r.amount < 0) throw sdk::ParamError("amount", "参数 amount 不能为负");
  if (r.points < 0) throw sdk::ParamError("points", "参数 points 不能为负");
  if (r.amount == 0 && r.points == 0) throw sdk::ParamError("amount", "参数 amount 与 points 至少一项大于 0");
  if (r.reason.empty()) throw sdk::ParamError("reason", "缺少参数 reason");
  if (utf8Characters(r.reason) > kMaxReasonCharacters) throw sdk::ParamError("reason", "参数 reason 不能超过 80 个字");
  if (!r.refundNo.empty() && !validRefundNo(r.refundNo)) {
    throw sdk::ParamError("refundNo", "参数 refundNo 应为 1 到 64 个字母、数字或 _-|*@");
  }
}

struct PaidPayment {
  std::int64_t id = 0;
  std::int64_t userId = 0;
  std::string channel;
  sdk::Fen amount = 0;
  std::int64_t points = 0;
  sdk::Fen pointsFen = 0;
  std::string status;
};

std::optional<PaidPayment> findPayment(Session& s, std::int64_t factoryId, const std::string& outTradeId) {
  std::vector<std::int64_t> ids, users, amounts, points, pointsFen;
  std::vector<std::string> channels, statuses;
  std::string out = outTradeId;
  s << "SELECT id, user_id, channel, amount, points, points_fen, status FROM payments "
       "WHERE factory_id = $1 AND out_trade_id = $2",
      use(factoryId), use(out), into(ids), into(users), into(channels), into(amounts), into(points), into(pointsFen),
      into(statuses), now;
  if (ids.empty()) return std::nullopt;
  return PaidPayment{ids[0], users[0], channels[0], amounts[0], points[0], pointsFen[0], statuses[0]};
}

// The points the points rule granted for the payment, as the ledger has them.
std::int64_t earnedPoints(Session& s, std::int64_t factoryId, std::int64_t userId, const std::string& outTradeId) {
  std::int64_t earned = 0;
  std::string reference = "pay:" + outTradeId, reason = kEarnedReason;
  s << "SELECT COALESCE(SUM(amount), 0) FROM ledger_entries WHERE factory_id = $1 AND user_id = $2 "
       "AND currency = 'points' AND reference = $3 AND reason = $4",
      use(factoryId), use(userId), use(reference), use(reason), into(earned), now;
  return earned;
}

// `part` of `whole` of `value`, rounded down (in the payer's favour); the
// last part takes what is left, so the parts add up exactly.
std::int64_t share(std::int64_t value, std::int64_t part, std::int64_t left, std::int64_t whole,
                   std::int64_t takenSoFar) {
  if (whole <= 0 || part <= 0) return 0;
  if (part == left) return value - takenSoFar;
  return static_cast<std::int64_t>(static_cast<__int128>(value) * part / whole);
}

std::string newRefundNo() {
  return "RF" + Poco::DateTimeFormatter::format(Poco::Timestamp(), "%Y%m%d%H%M%S") + crypto::randomHex(8);
}

}  // namespace

RefundService::Outcome RefundService::refund(const tenancy::Factory& factory, const RefundRequest& request) {
  check(request);
  const std::string refundNo = request.refundNo.empty() ? newRefundNo() : request.refundNo;
  if (request.amount > 0) {
    // Refused before any money moves when the channel settings cannot refund.
    std::optional<PaidPayment> payment;
    {
      Session s = db_.session();
      payment = findPayment(s, factory.id, request.outTradeId);
    }
    if (payment) {
      if (const PaymentChannel* channel = payments_.channels().find(payment->channel)) {
        payments_.account(*channel, factory.id)->checkRefund();
      }
    }
  }
  Outcome outcome = record(factory, request, refundNo);
  if (outcome.created && outcome.refund.status == "PROCESSING") {
    const Refund& r = outcome.refund;
    std::optional<PaidPayment> payment;
    {
      Session s = db_.session();  // not held across the channel call
      payment = findPayment(s, factory.id, r.outTradeId);
    }
    askChannel({factory.id, factory.name, payment->channel, r.outTradeId, r.outRefundNo, r.amount, payment->amount,
                r.reason});
    Session s = db_.session();
    outcome.refund = *RefundStore(s).find(factory.id, r.outRefundNo);
  }
  return outcome;
}

RefundService::Outcome RefundService::record(const tenancy::Factory& factory, const RefundRequest& request,
                                             const std::string& refundNo) {
  return db_.transaction([&](Session& s) {
    RefundStore refunds(s);
    if (auto existing = refunds.find(factory.id, refundNo)) {
      if (existing->outTradeId == request.outTradeId && existing->amount == request.amount &&
          existing->points == request.points) {
        return Outcome{*existing, false};  // asked again: the same refund
      }
      throw conflict("退款单号 " + refundNo + " 已用于另一笔退款");
    }
    const auto payment = findPayment(s, factory.id, request.outTradeId);
    if (!payment) throw sdk::Error(sdk::codes::kNoData, "支付 " + request.outTradeId + " 不存在");
    if (payment->status != "PAID") {
      throw conflict("支付 " + request.outTradeId + " 未支付成功(" + payment->status + "),不能退款");
    }
    const RefundedSoFar so = refunds.refundedSoFar(payment->id);
    const sdk::Fen amountLeft = payment->amount - so.amount;
    const std::int64_t pointsLeft = payment->points - so.points;
    if (request.amount > amountLeft) {
      throw conflict("退款金额 " + sdk::formatYuan(request.amount) + " 元超过可退金额 " + sdk::formatYuan(amountLeft) +
                     " 元");
    }
    if (request.points > pointsLeft) {
      throw conflict("退回积分 " + std::to_string(request.points) + " 超过可退积分 " + std::to_string(pointsLeft));
    }
    Refund r;
    r.factoryId = factory.id;
    r.paymentId = payment->id;
    r.userId = payment->userId;
    r.outTradeId = request.outTradeId;
    r.outRefundNo = refundNo;
    r.amount = request.amount;
    r.points = request.points;
    r.pointsFen = share(payment->pointsFen, request.points, pointsLeft, payment->points, so.pointsFen);
    r.earnedPoints = share(earnedPoints(s, factory.id, payment->userId, request.outTradeId), request.amount,
                           amountLeft, payment->amount, so.earnedPoints);
    r.reason = request.reason;
    r.actor = request.actor;
    r.createdAt = nowMs();
    r.status = r.amount > 0 ? "PROCESSING" : "SUCCESS";  // points only: nothing to ask a channel
    r.finishedAt = r.amount > 0 ? 0 : r.createdAt;

    const std::string reference = "refund:" + refundNo;
    ledger::WalletLedger wallet(s, factory.id, payment->userId, reference);
    const sdk::Fen fromWallet = r.amount + r.pointsFen;
    const auto held = wallet.amounts();
    if (held.balance < fromWallet) {
      throw conflict("钱包余额不足以退款:需要 " + sdk::formatYuan(fromWallet) + " 元,余额 " +
                     sdk::formatYuan(held.balance) + " 元,还差 " + sdk::formatYuan(fromWallet - held.balance) +
                     " 元;请先用模块的取消或退还把钱退回钱包");
    }
    if (fromWallet > 0) wallet.adjustBalance(-fromWallet, "退款:" + r.reason, reference);
    if (r.points > 0) wallet.creditPoints(r.points, "退款退回积分", reference);
    if (r.earnedPoints > 0) {
      const std::int64_t points = wallet.amounts().points;
      if (points < r.earnedPoints) {
        throw conflict("积分不足以收回这笔支付赠送的 " + std::to_string(r.earnedPoints) + " 积分:现有 " +
                       std::to_string(points) + " 积分");
      }
      wallet.adjustPoints(-r.earnedPoints, "退款收回赠送积分", reference);
    }
    refunds.insert(r);
    return Outcome{*refunds.find(factory.id, refundNo), true};
  });
}

void RefundService::askChannel(const PendingRefund& r) {
  const PaymentChannel* channel = payments_.channels().find(r.channel);
  if (!channel) return;
  RefundReport report;
  try {
    const auto account = payments_.account(*channel, r.factoryId);
    report = account->refund({r.outTradeId, r.outRefundNo, r.amount, r.total, r.reason, notifyBaseUrl_, r.factoryName});
  } catch (const std::exception& e) {
    // Unknown: the poller asks about it, and sends it again if the channel never got it.
    log().warning("refund %s of %s: no answer from the channel yet: %s", r.outRefundNo, r.outTradeId,
                  exceptionText(e));
    return;
  }
  finish(r.factoryId, report);
}

RefundService::Finish RefundService::finish(std::int64_t factoryId, const RefundReport& report) {
  if (report.state == RefundState::Processing) {
    if (report.detail.empty()) return Finish::AlreadyFinished;
    db_.transaction([&](Session& s) { RefundStore(s).note(factoryId, report.outRefundNo, report.channelRefundId, report.detail); });
    log().error("refund %s needs the merchant's hand: %s", report.outRefundNo, report.detail);
    return Finish::AlreadyFinished;
  }
  return db_.transaction([&](Session& s) {
    RefundStore refunds(s);
    const auto refund = refunds.find(factoryId, report.outRefundNo);
    if (!refund) return Finish::Unknown;
    const bool failed = report.state == RefundState::Failed;
    if (!refunds.finish(factoryId, report.outRefundNo, failed ? "FAILED" : "SUCCESS", report.channelRefundId,
                        report.detail, nowMs())) {
      return Finish::AlreadyFinished;
    }
    if (failed) {
      const std::string reference = "refund:" + refund->outRefundNo;
      ledger::WalletLedger wallet(s, factoryId, refund->userId, reference);
      wallet.adjustBalance(refund->amount, "退款失败,退回钱包:" + report.detail, reference);
      if (refund->earnedPoints > 0) wallet.adjustPoints(refund->earnedPoints, "退款失败,退回赠送积分", reference);
      log().warning("refund %s of %s failed at the channel: %s", refund->outRefundNo, refund->outTradeId,
                    report.detail);
    } else {
      log().information("refund %s of %s succeeded", refund->outRefundNo, refund->outTradeId);
    }
    return Finish::Finished;
  });
}

std::vector<Refund> RefundService::ofPayment(std::int64_t factoryId, const std::string& outTradeId) {
  Session s = db_.session();
  return RefundStore(s).ofPayment(factoryId, outTradeId);
}

int RefundService::pollOnce(std::int64_t notPolledSince, int limit) {
  const auto pending = db_.transaction(
      [&](Session& s) {
        return RefundStore(s).takePending(notPolledSince, limit, db_.dialect() == storage::Dialect::Postgresql,
                                          nowMs());
      },
      storage::Database::Isolation::ReadCommitted);  // a queue claim: the row locks are what count
  for (const auto& refund : pending) {
    try {
      follow(refund);
    } catch (const std::exception& e) {
      log().warning("refund %s: query failed: %s", refund.outRefundNo, exceptionText(e));
    }
  }
  return static_cast<int>(pending.size());
}

void RefundService::follow(const PendingRefund& refund) {
  const PaymentChannel* channel = payments_.channels().find(refund.channel);
  if (!channel) return;
  const auto report = payments_.account(*channel, refund.factoryId)->queryRefund(refund.outTradeId, refund.outRefundNo);
  if (!report) return askChannel(refund);  // never received: the same number again is the same refund
  finish(refund.factoryId, *report);
}

}  // namespace paynext::core::payments
