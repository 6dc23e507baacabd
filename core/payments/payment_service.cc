#include "core/payments/payment_service.h"

#include <algorithm>

#include <Poco/Data/Statement.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Logger.h>
#include <Poco/NumberParser.h>
#include <Poco/Timestamp.h>
#include <Poco/URI.h>

#include "core/actions/step_worker.h"
#include "core/common/clock.h"
#include "core/crypto/digest.h"
#include "core/ledger/wallet_ledger.h"
#include "core/payments/points_rule.h"
#include "paynext/sdk/errors.h"

namespace paynext::core::payments {

using namespace Poco::Data::Keywords;
using Poco::Data::Session;

namespace {
constexpr int kChannelError = 500;
const std::string kPoints = "points";

Poco::Logger& log() { return Poco::Logger::get("paynext.payments"); }

// A page the user's browser is sent to by the channel: an http(s) address.
void checkBrowserUrl(const std::string& name, const std::string& url) {
  if (url.empty()) return;
  bool ok = url.size() <= 512;
  try {
    const Poco::URI uri(url);
    ok = ok && (uri.getScheme() == "http" || uri.getScheme() == "https") && !uri.getHost().empty();
  } catch (const Poco::Exception&) {
    ok = false;
  }
  if (!ok) throw sdk::ParamError(name, "参数 " + name + " 应为 http 或 https 地址(至多 512 字节)");
}
}  // namespace

PaymentService::PaymentService(storage::Database& db, tenancy::FactoryStore& factories,
                               actions::ChainPlanner& planner, const ChannelRegistry& channels,
                               PaymentServiceOptions options)
    : db_(db), factories_(factories), planner_(planner), channels_(channels), options_(std::move(options)) {}

std::string PaymentService::newOutTradeId() const {
  // 32 characters at most, as WeChat's out_trade_no allows.
  return "PN" + Poco::DateTimeFormatter::format(Poco::Timestamp(), "%Y%m%d%H%M%S") + crypto::randomHex(8);
}

std::unique_ptr<ChannelAccount> PaymentService::account(const PaymentChannel& channel, std::int64_t factoryId) {
  auto json = factories_.channelConfig(factoryId, channel.name());
  if (!json) throw sdk::Error(sdk::codes::kBadRequest, "本工厂未配置" + channel.title());
  return channel.account(*Poco::JSON::Parser().parse(*json).extract<Poco::JSON::Object::Ptr>());
}

sdk::Fen PaymentService::pointsValue(std::int64_t factoryId, std::int64_t points) {
  const auto rate = factories_.config(factoryId, kPointsRateKey);
  std::int64_t fenPerPoint = 0;
  if (!rate) throw sdk::Error(sdk::codes::kBadRequest, "本工厂未开通积分支付(系统参数 " + kPointsRateKey + " 未设置)");
  if (!Poco::NumberParser::tryParse64(*rate, fenPerPoint) || fenPerPoint <= 0) {
    // An admin's typo must not read as "not set": say what is wrong with it.
    throw sdk::Error(sdk::codes::kBadRequest,
                     "系统参数 " + kPointsRateKey + " 应为正整数(一积分值多少分),现为 " + *rate);
  }
  if (points < 0 || points > sdk::kMaxFen / fenPerPoint) {
    throw sdk::Error(sdk::codes::kBadRequest, "积分数量无效");
  }
  return points * fenPerPoint;
}

PaymentService::Checked PaymentService::check(const tenancy::Factory& factory, const identity::User& user,
                                              const PayRequest& request) {
  if (request.money < 0) throw sdk::Error(sdk::codes::kBadRequest, "支付金额不能为负");
  if (request.points < 0) throw sdk::Error(sdk::codes::kBadRequest, "支付积分不能为负");
  if (request.payName.size() > 128) throw sdk::Error(sdk::codes::kBadRequest, "payName 不能超过 128 字节");
  if (request.remark.size() > 256) throw sdk::Error(sdk::codes::kBadRequest, "remark 不能超过 256 字节");
  Checked checked;
  CreatedPayment& payment = checked.payment;
  payment.status = "CREATED";
  payment.money = request.money;
  payment.points = request.points;
  if (request.points > 0) payment.pointsFen = pointsValue(factory.id, request.points);
  Session s = db_.session();
  const actions::ChainPlan plan = planner_.plan(factory, user.id, request.nextAction, s);
  const sdk::Fen paying = request.money + payment.pointsFen;
  // The wallet matters only when points are spent or the payment alone does
  // not cover the chain: most payments skip the read.
  if (request.points > 0 || paying < plan.needed) {
    const ledger::WalletAmounts wallet = ledger::WalletLedger(s, factory.id, user.id).amounts();
    if (request.points > wallet.points) {
      throw sdk::Error(sdk::codes::kNotEnoughPoints, "积分不足:需要 " + std::to_string(request.points) +
                                                         " 积分,现有 " + std::to_string(wallet.points) + " 积分");
    }
    if (paying + wallet.balance < plan.needed) {
      throw sdk::Error(sdk::codes::kNotEnoughBalance,
                       "支付金额 " + sdk::formatYuan(paying) + " 元加钱包余额 " + sdk::formatYuan(wallet.balance) +
                           " 元,不足以支付 nextAction 所需的 " + sdk::formatYuan(plan.needed) + " 元");
    }
  }
  checked.chain = plan.normalized;
  payment.outTradeId = newOutTradeId();
  payment.createdAt = nowMs();
  payment.expiresAt = payment.createdAt + options_.expiryMs;
  return checked;
}

void PaymentService::insert(Session& s, const tenancy::Factory& factory, const identity::User& user,
                            const PayRequest& request, const std::string& channel, const Checked& checked,
                            const std::string& status, const std::string& prepayId) {
  const CreatedPayment& p = checked.payment;
  std::string payName = request.payName, remark = request.remark;
  std::int64_t factoryId = factory.id, userId = user.id;
  s << "INSERT INTO payments (factory_id, user_id, out_trade_id, channel, amount, points, points_fen, status, "
       "pay_name, remark, next_action, created_at, prepay_id) "
       "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
      use(factoryId), use(userId), bind(p.outTradeId), bind(channel), bind(p.money), bind(p.points),
      bind(p.pointsFen), bind(status), use(payName), use(remark), bind(checked.chain), bind(p.createdAt),
      bind(prepayId), now;
}

PaymentService::Checked PaymentService::checkChannelPayment(const tenancy::Factory& factory,
                                                            const identity::User& user, const PayRequest& request) {
  if (request.money <= 0) throw sdk::Error(sdk::codes::kBadRequest, "支付金额必须大于 0");
  return check(factory, user, request);
}

// Stored only now, after the channel call: until it is answered the client
// cannot pay it, so no notification can come for a payment not yet stored,
// and the answer still comes only after the commit.
void PaymentService::place(const tenancy::Factory& factory, const identity::User& user, const PayRequest& request,
                           const std::string& channel, const Checked& checked, const std::string& prepayId) {
  db_.singleStatement(
      [&](Session& s) { insert(s, factory, user, request, channel, checked, "CREATED", prepayId); });
}

CreatedPayment PaymentService::createPointsOnly(const tenancy::Factory& factory, const identity::User& user,
                                                const PayRequest& request) {
  if (request.money != 0) throw sdk::Error(sdk::codes::kBadRequest, "积分支付不能再付现金");
  if (request.points <= 0) throw sdk::Error(sdk::codes::kBadRequest, "支付积分必须大于 0");
  Checked checked = check(factory, user, request);
  db_.transaction([&](Session& s) {
    insert(s, factory, user, request, kPoints, checked);
    std::int64_t id = 0;
    s << "SELECT id FROM payments WHERE out_trade_id = $1", bind(checked.payment.outTradeId), into(id), now;
    // No channel to wait for: paid in the same transaction that stored it.
    s << "UPDATE payments SET status = 'PAID', paid_at = $1 WHERE id = $2", bind(checked.payment.createdAt),
        use(id), now;
    applySettlement(s, factory.id, id, user.id, checked.payment.outTradeId, 0, request.points,
                    checked.payment.pointsFen, checked.chain, std::nullopt);
  });
  checked.payment.status = "PAID";
  if (onSettled_) onSettled_();
  return checked.payment;
}

void PaymentService::abandon(const tenancy::Factory& factory, const identity::User& user, const PayRequest& request,
                             const std::string& channel, const Checked& checked, const std::string& why) {
  log().error("payment %s could not be placed with its channel: %s", checked.payment.outTradeId, why);
  db_.singleStatement([&](Session& s) { insert(s, factory, user, request, channel, checked, "CLOSED"); });
}

CreatedPayment PaymentService::create(const tenancy::Factory& factory, const identity::User& user,
                                      const PayRequest& request, const std::string& channelName,
                                      const std::string& method) {
  const PaymentChannel& channel = channels_.require(channelName, method);
  checkBrowserUrl("returnUrl", request.returnUrl);
  checkBrowserUrl("quitUrl", request.quitUrl);
  const auto account = this->account(channel, factory.id);
  ChannelOrder order;
  order.method = method;
  order.money = request.money;
  order.subject = request.payName.empty() ? "在线支付" : request.payName;
  order.body = request.remark;
  order.clientIp = request.clientIp;
  order.openid = request.openid;
  order.returnUrl = request.returnUrl;
  order.quitUrl = request.quitUrl;
  order.timeoutMinutes = std::max<std::int64_t>(1, options_.expiryMs / 60000);
  order.notifyBaseUrl = options_.publicBaseUrl + "/notify/";
  order.factoryName = factory.name;
  account->checkOrder(order);
  const Checked checked = checkChannelPayment(factory, user, request);
  order.outTradeId = checked.payment.outTradeId;
  PlacedOrder placed;
  try {
    placed = account->place(order);
  } catch (const std::exception& e) {
    abandon(factory, user, request, channel.name(), checked, e.what());
    throw sdk::Error(kChannelError, channel.title() + "下单失败:" + e.what());
  }
  place(factory, user, request, channel.name(), checked, placed.prepayId);
  CreatedPayment created = checked.payment;
  created.payParams = placed.payParams;
  created.live = account->live();
  return created;
}

std::optional<PaymentView> PaymentService::find(std::int64_t factoryId, std::int64_t userId,
                                                const std::string& outTradeId) {
  Session s = db_.session();
  std::vector<std::string> ids, channels, statuses, names, remarks;
  std::vector<std::int64_t> amounts, created, points;
  std::vector<Poco::Nullable<std::int64_t>> paid;
  std::string id = outTradeId;
  s << "SELECT out_trade_id, channel, amount, status, pay_name, remark, created_at, paid_at, points FROM payments "
       "WHERE factory_id = $1 AND user_id = $2 AND out_trade_id = $3",
      use(factoryId), use(userId), use(id), into(ids), into(channels), into(amounts), into(statuses), into(names),
      into(remarks), into(created), into(paid), into(points), now;
  if (ids.empty()) return std::nullopt;
  return PaymentView{ids[0],   channels[0], amounts[0], statuses[0],
                     names[0], remarks[0],  created[0], paid[0].isNull() ? 0 : paid[0].value(), points[0]};
}

SettleOutcome PaymentService::settle(std::int64_t factoryId, const std::string& channel,
                                     const std::string& outTradeId, sdk::Fen paid, const std::string& channelTradeNo,
                                     const std::string& notification) {
  // Read through the factory cache, before the transaction holds a connection.
  const auto pointsRule = paid > 0 ? factories_.config(factoryId, kPointsPerYuanKey) : std::nullopt;
  const SettleOutcome outcome = db_.transaction([&](Session& s) {
    std::vector<std::int64_t> ids, users, amounts, points, pointsFen;
    std::vector<std::string> statuses, chains;
    std::string id = outTradeId, ch = channel;
    s << "SELECT id, user_id, amount, points, points_fen, status, next_action FROM payments "
         "WHERE factory_id = $1 AND out_trade_id = $2 AND channel = $3",
        use(factoryId), use(id), use(ch), into(ids), into(users), into(amounts), into(points), into(pointsFen),
        into(statuses), into(chains), now;
    if (ids.empty()) return SettleOutcome::UnknownPayment;
    if (amounts[0] != paid) return SettleOutcome::AmountMismatch;
    std::int64_t at = nowMs();
    std::string tradeNo = channelTradeNo;
    // Conditional, so that of two notifications settling at once (PostgreSQL
    // runs them concurrently; the second UPDATE waits and re-reads the row)
    // only the first credits the wallet and writes the chain.
    Poco::Data::Statement update(s);
    update << "UPDATE payments SET status = 'PAID', paid_at = $1, channel_trade_no = $2 WHERE id = $3 "
              "AND status <> 'PAID'",
        use(at), use(tradeNo), use(ids[0]);
    const bool first = update.execute() == 1;
    if (!first) {
      recordRepeat(s, factoryId, ids[0], channel, notification, at);
      return SettleOutcome::AlreadyPaid;
    }
    std::string result = "settled", detail = notification;
    s << "INSERT INTO payment_notifications (factory_id, payment_id, channel, outcome, detail, created_at, last_at) "
         "VALUES ($1, $2, $3, $4, $5, $6, $7)",
        use(factoryId), use(ids[0]), use(ch), use(result), use(detail), use(at), use(at), now;
    if (statuses[0] == "CLOSED") log().warning("payment %s was closed but the channel says it was paid", outTradeId);
    applySettlement(s, factoryId, ids[0], users[0], outTradeId, paid, points[0], pointsFen[0], chains[0], pointsRule);
    return SettleOutcome::Settled;
  }, settlementIsolation());
  if (outcome == SettleOutcome::Settled && onSettled_) onSettled_();
  return outcome;
}

// A settlement's own writes need no more than READ COMMITTED: the payment
// becomes PAID by a conditional UPDATE, whose row lock makes a second
// notification wait and then find it PAID, and the wallet moves by UPDATEs
// that check their own bounds. At SERIALIZABLE, concurrent settlements of
// neighbouring payments met on the same index pages and cancelled each
// other. Steps run inline are module code, which is promised SERIALIZABLE.
storage::Database::Isolation PaymentService::settlementIsolation() const {
  return onChainWritten_ ? storage::Database::Isolation::Serializable : storage::Database::Isolation::ReadCommitted;
}

// Channels resend a notification until they see it acknowledged; the first
// repeat is kept, later ones only counted, so replays cannot grow the table.
void PaymentService::recordRepeat(Session& s, std::int64_t factoryId, std::int64_t paymentId,
                                  const std::string& channel, const std::string& notification, std::int64_t at) {
  // Repeats arriving together take turns (READ COMMITTED would let each
  // find no row and insert one).
  if (db_.dialect() == storage::Dialect::Postgresql) {
    s << "SELECT id FROM payments WHERE id = $1 FOR UPDATE", bind(paymentId), now;
  }
  Poco::Data::Statement count(s);
  count << "UPDATE payment_notifications SET repeats = repeats + 1, last_at = $1 "
           "WHERE factory_id = $2 AND payment_id = $3 AND outcome = 'duplicate'",
      use(at), use(factoryId), use(paymentId);
  if (count.execute() > 0) return;
  std::string ch = channel, detail = notification;
  s << "INSERT INTO payment_notifications (factory_id, payment_id, channel, outcome, detail, created_at, repeats, "
       "last_at) VALUES ($1, $2, $3, 'duplicate', $4, $5, 1, $6)",
      use(factoryId), use(paymentId), use(ch), use(detail), use(at), use(at), now;
}

void PaymentService::applySettlement(Session& s, std::int64_t factoryId, std::int64_t paymentId, std::int64_t userId,
                                     const std::string& outTradeId, sdk::Fen paid, std::int64_t points,
                                     sdk::Fen pointsFen, const std::string& chain,
                                     const std::optional<std::string>& pointsRule) {
  const std::string reference = "pay:" + outTradeId;
  ledger::WalletLedger wallet(s, factoryId, userId, reference);
  if (paid > 0) wallet.credit(paid, "在线支付充值", reference);
  if (points > 0) {
    try {
      // Converted only now, so points of a payment never paid are never spent.
      wallet.debitPoints(points, "积分抵扣", reference);
      wallet.credit(pointsFen, "积分抵扣", reference);
    } catch (const sdk::Error& e) {
      if (paid == 0) throw;  // points only: nothing else was paid, refuse the whole payment
      // The money arrived but the points were spent meanwhile: the money stays
      // in the wallet and the chain finds it short, which it reports.
      log().warning("payment %s: points no longer available (%s)", outTradeId, std::string(e.what()));
    }
  }
  grantEarnedPoints(factoryId, wallet, outTradeId, paid, pointsRule);
  actions::insertChainSteps(s, factoryId, paymentId, outTradeId, planner_.steps(chain));
  if (onChainWritten_) onChainWritten_(s, paymentId);
}

void PaymentService::grantEarnedPoints(std::int64_t factoryId, ledger::WalletLedger& wallet,
                                       const std::string& outTradeId, sdk::Fen paid,
                                       const std::optional<std::string>& rule) {
  if (paid <= 0) return;  // only channel money earns points, never points paid with
  if (!rule) return;
  const auto perYuan = parsePointsPerYuan(*rule);
  if (!perYuan) {
    // Refused when an admin sets it; a bad value stored otherwise must not
    // stop the money from settling.
    log().warning("payment %s: system parameter %s of factory %?d is \"%s\", not an integer from 0 to %?d; "
                  "no points granted",
                  outTradeId, kPointsPerYuanKey, factoryId, *rule, kMaxPointsPerYuan);
    return;
  }
  const std::int64_t earned = pointsEarned(paid, *perYuan);
  if (earned > 0) wallet.creditPoints(earned, "支付赠送积分", "pay:" + outTradeId);
}

std::vector<PendingPayment> PaymentService::takePending(std::int64_t notPolledSince, int limit) {
  return db_.transaction([&](Session& s) {
    std::vector<std::int64_t> ids, factories, created;
    std::vector<std::string> outs, channels;
    std::string sql =
        "SELECT id, factory_id, out_trade_id, channel, created_at FROM payments WHERE status = 'CREATED' "
        "AND polled_at <= $1 ORDER BY polled_at, id LIMIT $2";
    if (db_.dialect() == storage::Dialect::Postgresql) sql += " FOR UPDATE SKIP LOCKED";
    s << sql, use(notPolledSince), use(limit), into(ids), into(factories), into(outs), into(channels), into(created),
        now;
    std::vector<PendingPayment> out;
    std::int64_t at = nowMs();
    for (std::size_t i = 0; i < ids.size(); ++i) {
      s << "UPDATE payments SET polled_at = $1 WHERE id = $2", use(at), use(ids[i]), now;
      out.push_back({factories[i], outs[i], channels[i], created[i]});
    }
    return out;
  }, storage::Database::Isolation::ReadCommitted);  // a queue claim: the row locks are what count
}

std::vector<PaymentService::StatusCount> PaymentService::statusCounts() {
  Session s = db_.session();
  std::vector<std::string> channels, statuses;
  std::vector<std::int64_t> counts;
  s << "SELECT channel, status, COUNT(*) FROM payments GROUP BY channel, status ORDER BY channel, status",
      into(channels), into(statuses), into(counts), now;
  std::vector<StatusCount> out;
  for (std::size_t i = 0; i < channels.size(); ++i) out.push_back({channels[i], statuses[i], counts[i]});
  return out;
}

bool PaymentService::close(std::int64_t factoryId, const std::string& outTradeId) {
  return db_.transaction([&](Session& s) {
    Poco::Data::Statement update(s);
    std::string id = outTradeId;
    update << "UPDATE payments SET status = 'CLOSED' WHERE factory_id = $1 AND out_trade_id = $2 AND status = 'CREATED'",
        use(factoryId), use(id);
    return update.execute() == 1;
  });
}

}  // namespace paynext::core::payments
