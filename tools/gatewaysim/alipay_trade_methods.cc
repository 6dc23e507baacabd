#include "tools/gatewaysim/alipay_trade_methods.h"

#include <map>

#include <Poco/Timestamp.h>

#include "core/payments/alipay/alipay_request.h"
#include "paynext/sdk/money.h"
#include "tools/gatewaysim/json_text.h"

namespace paynext::tools::gatewaysim {

namespace {

// A business refusal, code 40004, as Alipay answers it.
std::string failure(const std::string& subCode, const std::string& subMsg) {
  return JsonText()
      .add("code", "40004")
      .add("msg", "Business Failed")
      .add("sub_code", subCode)
      .add("sub_msg", subMsg)
      .text();
}

std::string notExist() { return failure("ACQ.TRADE_NOT_EXIST", "交易不存在"); }

// A member as text: Alipay takes amounts as strings or JSON numbers.
std::string member(const Poco::JSON::Object& biz, const std::string& name) {
  if (!biz.has(name)) return {};
  const Poco::Dynamic::Var value = biz.get(name);
  if (value.isEmpty() || !(value.isString() || value.isNumeric())) return {};
  return value.convert<std::string>();
}

// The trade biz_content names by out_trade_no or trade_no (trade_no wins
// when both are given and they disagree: no such trade).
std::optional<AlipayTrade> findTrade(const AlipayOrderStore& store, const std::string& appId,
                                     const Poco::JSON::Object& biz) {
  const std::string outTradeNo = member(biz, "out_trade_no");
  const std::string tradeNo = member(biz, "trade_no");
  if (outTradeNo.empty() && tradeNo.empty()) return std::nullopt;
  auto trade = !outTradeNo.empty() ? store.find({appId, outTradeNo}) : store.findByTradeNo(appId, tradeNo);
  if (trade && !tradeNo.empty() && trade->tradeNo != tradeNo) return std::nullopt;
  return trade;
}

bool namesNoTrade(const Poco::JSON::Object& biz) {
  return member(biz, "out_trade_no").empty() && member(biz, "trade_no").empty();
}

std::string invalidParameter() { return failure("ACQ.INVALID_PARAMETER", "参数无效"); }

sdk::Fen refundedFen(const AlipayTrade& trade) {
  sdk::Fen sum = 0;
  for (const AlipayRefund& refund : trade.refunds) sum += sdk::parseYuan(refund.refundAmount).value_or(0);
  return sum;
}

const std::map<std::string, std::string>& armableFailures() {
  static const std::map<std::string, std::string> failures{
      {"ACQ.SELLER_BALANCE_NOT_ENOUGH", "卖家余额不足"},
      {"ACQ.SYSTEM_ERROR", "系统错误"},
      {"ACQ.TRADE_NOT_ALLOW_REFUND", "当前交易不允许退款"},
      {"ACQ.REASON_TRADE_BEEN_FREEZEN", "请求退款的交易被冻结"},
  };
  return failures;
}

// The success answer of a refund: refund_fee is every refund of the trade so far.
std::string refunded(const AlipayTrade& trade, const AlipayRefund& refund, bool fundChange) {
  return JsonText()
      .add("code", "10000")
      .add("msg", "Success")
      .add("buyer_user_id", trade.buyerId)
      .add("fund_change", fundChange ? "Y" : "N")
      .add("gmt_refund_pay", refund.gmtRefundPay)
      .add("out_trade_no", trade.outTradeNo)
      .add("refund_fee", sdk::formatYuan(refundedFen(trade)))
      .add("send_back_fee", refund.refundAmount)
      .add("trade_no", trade.tradeNo)
      .text();
}

}  // namespace

std::string queryTrade(const AlipayOrderStore& store, const std::string& appId, const Poco::JSON::Object& biz) {
  if (namesNoTrade(biz)) return invalidParameter();
  const auto trade = findTrade(store, appId, biz);
  if (!trade) return notExist();
  JsonText node;
  node.add("code", "10000")
      .add("msg", "Success")
      .add("out_trade_no", trade->outTradeNo)
      .add("trade_no", trade->tradeNo)
      .add("trade_status", trade->state)
      .add("total_amount", trade->totalAmount);
  if (!trade->gmtPayment.empty()) node.add("buyer_user_id", trade->buyerId).add("send_pay_date", trade->gmtPayment);
  return node.text();
}

std::string closeTrade(AlipayOrderStore& store, const std::string& appId, const Poco::JSON::Object& biz) {
  if (namesNoTrade(biz)) return invalidParameter();
  const auto trade = findTrade(store, appId, biz);
  if (!trade) return notExist();
  std::string node;
  store.update(AlipayOrderStore::keyOf(*trade), [&](AlipayTrade& stored) {
    if (stored.state != "WAIT_BUYER_PAY") {
      node = failure("ACQ.TRADE_STATUS_ERROR", "交易状态不合法");
      return false;
    }
    stored.state = "TRADE_CLOSED";
    node = JsonText()
               .add("code", "10000")
               .add("msg", "Success")
               .add("out_trade_no", stored.outTradeNo)
               .add("trade_no", stored.tradeNo)
               .text();
    return true;
  });
  return node;
}

std::string refundTrade(AlipayOrderStore& store, const std::string& appId, const Poco::JSON::Object& biz) {
  if (namesNoTrade(biz)) return invalidParameter();
  const auto amount = sdk::parseYuan(member(biz, "refund_amount"));
  if (!amount || *amount <= 0) return invalidParameter();
  const auto trade = findTrade(store, appId, biz);
  if (!trade) return notExist();
  const std::string reason = member(biz, "refund_reason");
  std::string outRequestNo = member(biz, "out_request_no");
  // Without out_request_no the refund is the whole trade, under out_trade_no.
  const bool whole = outRequestNo.empty();
  if (whole) outRequestNo = trade->outTradeNo;
  if (outRequestNo.size() > 64 || reason.size() > 256 * 4) return invalidParameter();

  std::string node;
  store.update(AlipayOrderStore::keyOf(*trade), [&](AlipayTrade& stored) {
    for (const AlipayRefund& earlier : stored.refunds) {
      if (earlier.outRequestNo != outRequestNo) continue;
      node = sdk::parseYuan(earlier.refundAmount) == amount ? refunded(stored, earlier, false)
                                                           : failure("ACQ.DISCORDANT_REPEAT_REQUEST", "不一致的请求");
      return false;
    }
    if (stored.gmtPayment.empty()) {
      node = failure("ACQ.TRADE_STATUS_ERROR", "交易状态非法");
      return false;
    }
    const sdk::Fen total = sdk::parseYuan(stored.totalAmount).value_or(0);
    if (whole && *amount != total) {
      node = failure("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "撤销或退款金额与订单金额不一致");
      return false;
    }
    if (refundedFen(stored) + *amount > total) {
      node = failure("ACQ.REASON_TRADE_REFUND_FEE_ERR", "退款金额无效");
      return false;
    }
    if (!stored.refundFailure.empty()) {
      node = failure(stored.refundFailure, armableRefundFailure(stored.refundFailure).value_or(""));
      stored.refundFailure.clear();  // the next one only
      return false;
    }
    stored.refunds.push_back(
        {outRequestNo, sdk::formatYuan(*amount), reason, core::payments::alipay::beijingTime(Poco::Timestamp())});
    if (refundedFen(stored) == total) stored.state = "TRADE_CLOSED";
    node = refunded(stored, stored.refunds.back(), true);
    return true;
  });
  return node;
}

std::string queryRefund(const AlipayOrderStore& store, const std::string& appId, const Poco::JSON::Object& biz) {
  const std::string outRequestNo = member(biz, "out_request_no");
  if (namesNoTrade(biz) || outRequestNo.empty()) return invalidParameter();
  const auto trade = findTrade(store, appId, biz);
  if (!trade) return notExist();
  JsonText node;
  node.add("code", "10000").add("msg", "Success").add("out_request_no", outRequestNo);
  for (const AlipayRefund& refund : trade->refunds) {
    if (refund.outRequestNo != outRequestNo) continue;
    node.add("out_trade_no", trade->outTradeNo).add("refund_amount", refund.refundAmount);
    if (!refund.reason.empty()) node.add("refund_reason", refund.reason);
    return node.add("refund_status", "REFUND_SUCCESS")
        .add("total_amount", trade->totalAmount)
        .add("trade_no", trade->tradeNo)
        .text();
  }
  // No such refund: code 10000 without refund_status.
  return node.add("out_trade_no", trade->outTradeNo).add("trade_no", trade->tradeNo).text();
}

std::optional<std::string> armableRefundFailure(const std::string& subCode) {
  const auto it = armableFailures().find(subCode);
  if (it == armableFailures().end()) return std::nullopt;
  return it->second;
}

}  // namespace paynext::tools::gatewaysim
