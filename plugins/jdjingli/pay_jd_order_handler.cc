#include "pay_jd_order_handler.h"

#include <optional>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/reply_excerpt.h"

#include "order_bill.h"
#include "pay_request.h"
#include "pay_result_client.h"
#include "settings_store.h"

namespace paynext::plugins::jdjingli {

namespace {

const std::string kReason = "支付京东京励订单";

Poco::JSON::Object::Ptr resultOf(const JdOrder& order, bool alreadyPaid) {
  Poco::JSON::Object::Ptr result = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  result->set("orderNo", order.orderNo);
  result->set("paid", sdk::yuanNumber(order.paid));
  result->set("discount", sdk::yuanNumber(order.discount));
  result->set("couponId", order.couponId);
  result->set("alreadyPaid", alreadyPaid);
  return result;
}

// The order this very step paid already (a step run again after it committed).
std::optional<JdOrder> paidByThisStep(JdOrderStore& orders, const std::string& token, const std::string& key) {
  auto order = orders.findByToken(token);
  if (order && order->status == kPaid && order->paidReference == key) return order;
  return std::nullopt;
}

std::string httpStatus(const sdk::HttpReply& reply) {
  return "(HTTP " + std::to_string(reply.status) + (reply.reason.empty() ? "" : " " + sdk::replyExcerpt(reply.reason)) + ")";
}

}  // namespace

sdk::Fen PayJdOrderHandler::validate(sdk::ValidateContext& ctx) {
  const PayRequest request = PayRequest::parse(*ctx.params);
  JdOrderStore orders(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  const JdOrder order = requirePayable(orders, request.token, ctx.scope.clock.nowMs());
  return priceBill(ctx.scope, order, ctx.scope.userId, request.couponId).due;
}

sdk::StepResult PayJdOrderHandler::effect(sdk::EffectContext& ctx) {
  JdOrderStore orders(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  PayResult result{ctx.outTradeId, ctx.idempotencyKey, 0, {}};
  JdOrder order;
  try {
    const PayRequest request = PayRequest::parse(*ctx.params);
    if (auto paid = paidByThisStep(orders, request.token, ctx.idempotencyKey)) {
      return sdk::StepResult::done(resultOf(*paid, true));
    }
    // Read-only: the order may have been paid or expired, or the coupon used, since validate.
    order = requirePayable(orders, request.token, ctx.scope.clock.nowMs());
    result.couponId = request.couponId;
    result.bill = priceBill(ctx.scope, order, ctx.scope.userId, request.couponId);
  } catch (const sdk::Error& e) {
    return sdk::StepResult::fail(e.what());
  }

  const std::string secret = SettingsStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock).get().secret;
  sdk::HttpReply reply;
  try {
    reply = PayResultClient(ctx.http, secret).send(order, result, ctx.scope.clock.nowMs());
  } catch (const sdk::HttpRefused& e) {
    // The outbound policy refused the result URL's address: only an admin can fix that.
    return sdk::StepResult::fail(std::string("无法连接京东支付结果地址:") + e.what());
  } catch (const sdk::HttpError& e) {
    // Refused, unreachable or timed out: the same key makes the next attempt safe for JD.
    return sdk::StepResult::retry(std::string("无法连接京东支付结果地址:") + e.what());
  }
  if (reply.transient()) return sdk::StepResult::retry("京东暂时不可用" + httpStatus(reply));
  if (!reply.ok()) return sdk::StepResult::fail("京东拒绝支付结果通知" + httpStatus(reply));
  Poco::JSON::Object::Ptr notified = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  notified->set("notified", true);
  notified->set("httpStatus", reply.status);
  return sdk::StepResult::done(notified);
}

sdk::StepResult PayJdOrderHandler::execute(sdk::ExecuteContext& ctx) {
  JdOrderStore orders(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  JdBill bill;
  try {
    const PayRequest request = PayRequest::parse(*ctx.params);
    if (auto paid = paidByThisStep(orders, request.token, ctx.idempotencyKey)) {
      return sdk::StepResult::done(resultOf(*paid, true));
    }
    // Checked again in the transaction: another payment of the token may have won meanwhile.
    JdOrder order = requirePayable(orders, request.token, ctx.scope.clock.nowMs(), Expiry::Ignored);
    bill = priceBill(ctx.scope, order, ctx.scope.userId, request.couponId);
    redeemCoupon(ctx.scope, order, ctx.scope.userId, request.couponId, "jdjingli:" + ctx.idempotencyKey);
    order.userId = ctx.scope.userId;
    order.couponId = request.couponId;
    order.discount = bill.discount;
    order.paid = bill.due;
    order.paidReference = ctx.idempotencyKey;
    if (!orders.markPaid(order)) {
      throw sdk::Error(sdk::codes::kBadRequest, "京东京励订单 " + order.orderNo + " 已支付,不能重复支付");
    }
    if (bill.due > 0) ctx.ledger.debit(bill.due, kReason, "jdjingli:" + order.orderNo);
    return sdk::StepResult::done(resultOf(order, false));
  } catch (const sdk::InsufficientFunds&) {
    return sdk::StepResult::fail("余额不足,支付京东京励订单需要 " + sdk::formatYuan(bill.due) + " 元");
  } catch (const sdk::Error& e) {
    return sdk::StepResult::fail(e.what());
  }
}

}  // namespace paynext::plugins::jdjingli
