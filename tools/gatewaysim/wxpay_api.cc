#include "tools/gatewaysim/wxpay_api.h"

#include <optional>
#include <vector>

#include <Poco/Logger.h>
#include <Poco/NumberParser.h>

#include "core/crypto/digest.h"
#include "core/payments/wxpay/wxpay_xml.h"
#include "tools/gatewaysim/wechat_ids.h"

namespace paynext::tools::gatewaysim {

namespace wx = core::payments::wxpay;

namespace {

Poco::Logger& log() { return Poco::Logger::get("gatewaysim.wxpay"); }

// A request refused before it is known to come from the merchant: WeChat
// answers these with return_code FAIL, return_msg and no signature.
struct ReturnFail {
  std::string message;
};

std::string returnFail(const std::string& message) {
  return wx::toXml({{"return_code", "FAIL"}, {"return_msg", message}});
}

std::string field(const wx::Fields& fields, const std::string& name) {
  const auto it = fields.find(name);
  return it == fields.end() ? std::string() : it->second;
}

// A positive amount of fen, written canonically; nullopt otherwise.
std::optional<std::int64_t> fen(const std::string& text) {
  Poco::Int64 fee = 0;
  if (!Poco::NumberParser::tryParse64(text, fee) || fee <= 0 || std::to_string(fee) != text) return std::nullopt;
  return fee;
}

void require(const wx::Fields& fields, std::initializer_list<const char*> names) {
  for (const char* name : names) {
    if (field(fields, name).empty()) throw ReturnFail{std::string("缺少参数 ") + name};
  }
}

// A signed answer from an authenticated merchant: return_code SUCCESS plus
// result_code and whatever the call returns.
std::string signedAnswer(const Merchant& merchant, wx::SignType signType, wx::Fields fields) {
  fields["return_code"] = "SUCCESS";
  fields["return_msg"] = "OK";
  fields["appid"] = merchant.appId;
  fields["mch_id"] = merchant.mchId;
  fields["nonce_str"] = core::crypto::randomHex(16);
  fields["sign"] = wx::sign(fields, merchant.apiKey, signType);
  return wx::toXml(fields);
}

std::string businessFail(const Merchant& merchant, wx::SignType signType, const std::string& code,
                         const std::string& description) {
  return signedAnswer(merchant, signType, {{"result_code", "FAIL"}, {"err_code", code}, {"err_code_des", description}});
}

}  // namespace

std::string WxpayApi::requirePost() { return returnFail("请使用post方法"); }

WxpayApi::Caller WxpayApi::authenticate(const std::string& body, wx::Fields& fields) const {
  if (body.empty()) throw ReturnFail{"post数据为空"};
  try {
    fields = wx::parseXml(body);
  } catch (const wx::WxpayXmlError&) {
    throw ReturnFail{"XML格式错误"};
  }
  require(fields, {"appid", "mch_id", "nonce_str", "sign"});
  const auto merchant = merchants_.find(field(fields, "mch_id"));
  if (merchant == merchants_.end()) throw ReturnFail{"mch_id参数格式错误"};
  if (merchant->second.appId != field(fields, "appid")) throw ReturnFail{"appid和mch_id不匹配"};
  const auto signType = wx::notificationSignType(fields);
  if (!signType) throw ReturnFail{"sign_type参数格式错误"};
  if (!wx::verify(fields, merchant->second.apiKey, *signType)) throw ReturnFail{"签名错误"};
  return {&merchant->second, *signType};
}

std::string WxpayApi::unifiedOrder(const std::string& body) {
  try {
    wx::Fields fields;
    const Caller caller = authenticate(body, fields);
    require(fields, {"body", "out_trade_no", "total_fee", "spbill_create_ip", "notify_url", "trade_type"});
    SimOrder order;
    order.mchId = caller.merchant->mchId;
    order.appId = caller.merchant->appId;
    order.outTradeNo = field(fields, "out_trade_no");
    order.body = field(fields, "body");
    order.attach = field(fields, "attach");
    order.notifyUrl = field(fields, "notify_url");
    order.tradeType = field(fields, "trade_type");
    order.openid = field(fields, "openid");
    order.signType = caller.signType;
    const auto fee = fen(field(fields, "total_fee"));
    if (!fee) throw ReturnFail{"total_fee参数格式错误"};
    order.totalFee = *fee;
    if (order.tradeType != "JSAPI" && order.tradeType != "APP" && order.tradeType != "NATIVE" &&
        order.tradeType != "MWEB") {
      throw ReturnFail{"trade_type参数格式错误"};
    }
    if (order.outTradeNo.size() > 32) throw ReturnFail{"out_trade_no参数长度有误"};
    order.prepayId = newPrepayId();

    const auto [placed, stored] = store_.place(order);
    switch (placed) {
      case OrderStore::Placed::Conflict:
        log().information("unifiedorder %s: repeated with other parameters", order.outTradeNo);
        return businessFail(*caller.merchant, caller.signType, "INVALID_REQUEST", "201 商户订单号重复");
      case OrderStore::Placed::AlreadyPaid:
        return businessFail(*caller.merchant, caller.signType, "ORDERPAID", "该订单已支付");
      case OrderStore::Placed::Closed:
        return businessFail(*caller.merchant, caller.signType, "ORDERCLOSED", "该订单已关闭");
      case OrderStore::Placed::Created:
      case OrderStore::Placed::Repeated:
        break;
    }
    log().information("unifiedorder %s of %s: %s fen, prepay_id %s", stored.outTradeNo, stored.mchId,
                      std::to_string(stored.totalFee), stored.prepayId);
    wx::Fields answer{{"result_code", "SUCCESS"}, {"prepay_id", stored.prepayId}, {"trade_type", stored.tradeType}};
    if (stored.tradeType == "NATIVE") {
      answer["code_url"] = "weixin://wxpay/bizpayurl?pr=" + stored.prepayId.substr(2, 7);
    }
    return signedAnswer(*caller.merchant, caller.signType, answer);
  } catch (const ReturnFail& fail) {
    log().information("unifiedorder refused: %s", fail.message);
    return returnFail(fail.message);
  }
}

std::string WxpayApi::orderQuery(const std::string& body) {
  try {
    wx::Fields fields;
    const Caller caller = authenticate(body, fields);
    if (field(fields, "out_trade_no").empty() && field(fields, "transaction_id").empty()) {
      throw ReturnFail{"缺少参数 out_trade_no"};
    }
    std::optional<SimOrder> order;
    if (!field(fields, "out_trade_no").empty()) {
      order = store_.find({caller.merchant->mchId, field(fields, "out_trade_no")});
    } else {
      for (const auto& o : store_.all()) {
        if (o.mchId == caller.merchant->mchId && o.transactionId == field(fields, "transaction_id")) order = o;
      }
    }
    if (!order) return businessFail(*caller.merchant, caller.signType, "ORDERNOTEXIST", "order not exist");

    wx::Fields answer{{"result_code", "SUCCESS"},    {"out_trade_no", order->outTradeNo},
                      {"trade_state", order->state}, {"total_fee", std::to_string(order->totalFee)},
                      {"fee_type", "CNY"},           {"trade_type", order->tradeType}};
    if (!order->attach.empty()) answer["attach"] = order->attach;
    if (order->state == "SUCCESS") {
      answer["trade_state_desc"] = "支付成功";
      answer["transaction_id"] = order->transactionId;
      answer["time_end"] = order->timeEnd;
      answer["openid"] = order->openid;
      answer["is_subscribe"] = "N";
      answer["bank_type"] = "OTHERS";
      answer["cash_fee"] = std::to_string(order->totalFee);
    } else {
      answer["trade_state_desc"] = order->state == "CLOSED" ? "订单已关闭" : "订单未支付";
    }
    return signedAnswer(*caller.merchant, caller.signType, answer);
  } catch (const ReturnFail& fail) {
    log().information("orderquery refused: %s", fail.message);
    return returnFail(fail.message);
  }
}

std::string WxpayApi::closeOrder(const std::string& body) {
  try {
    wx::Fields fields;
    const Caller caller = authenticate(body, fields);
    require(fields, {"out_trade_no"});
    std::string state;
    const bool found = store_.update({caller.merchant->mchId, field(fields, "out_trade_no")}, [&](SimOrder& order) {
      state = order.state;
      if (order.state == "NOTPAY") order.state = "CLOSED";
      return true;
    });
    if (!found) return businessFail(*caller.merchant, caller.signType, "ORDERNOTEXIST", "订单不存在");
    if (state == "SUCCESS") return businessFail(*caller.merchant, caller.signType, "ORDERPAID", "订单已支付，不能发起关单");
    if (state == "CLOSED") return businessFail(*caller.merchant, caller.signType, "ORDERCLOSED", "订单已关闭，无法重复关闭");
    log().information("closeorder %s of %s", field(fields, "out_trade_no"), caller.merchant->mchId);
    return signedAnswer(*caller.merchant, caller.signType, {{"result_code", "SUCCESS"}, {"result_msg", "OK"}});
  } catch (const ReturnFail& fail) {
    log().information("closeorder refused: %s", fail.message);
    return returnFail(fail.message);
  }
}

std::string WxpayApi::refund(const std::string& body, const SecapiCaller& secapi) {
  try {
    // Where WeChat's TLS would have refused the connection already.
    if (!secapi.tls && !secapiWithoutTls_) {
      throw ReturnFail{"/secapi/ 需要商户API证书: the simulator serves plain HTTP, so it cannot check the client "
                       "certificate (serve HTTPS with --tls-cert, or pass --secapi-without-tls)"};
    }
    if (secapi.tls && secapi.certificateFingerprint.empty()) throw ReturnFail{"未提供商户API证书 (no client certificate)"};
    wx::Fields fields;
    const Caller caller = authenticate(body, fields);
    if (secapi.tls && secapi.certificateFingerprint != caller.merchant->apiCertFingerprint) {
      throw ReturnFail{"证书与商户号不匹配 (the client certificate is not this merchant's API certificate)"};
    }
    require(fields, {"out_trade_no", "out_refund_no", "total_fee", "refund_fee"});
    const auto totalFee = fen(field(fields, "total_fee"));
    const auto refundFee = fen(field(fields, "refund_fee"));
    if (!totalFee) throw ReturnFail{"total_fee参数格式错误"};
    if (!refundFee) throw ReturnFail{"refund_fee参数格式错误"};
    if (field(fields, "out_refund_no").size() > 64) throw ReturnFail{"out_refund_no参数长度有误"};

    const Merchant& merchant = *caller.merchant;
    const auto order = store_.find({merchant.mchId, field(fields, "out_trade_no")});
    if (!order) return businessFail(merchant, caller.signType, "ORDERNOTEXIST", "订单不存在");
    if (order->state != "SUCCESS") return businessFail(merchant, caller.signType, "ERROR", "订单未支付，不能退款");
    if (*totalFee != order->totalFee) return businessFail(merchant, caller.signType, "PARAM_ERROR", "订单金额不一致");

    SimRefund refund;
    refund.mchId = merchant.mchId;
    refund.appId = merchant.appId;
    refund.outTradeNo = order->outTradeNo;
    refund.transactionId = order->transactionId;
    refund.outRefundNo = field(fields, "out_refund_no");
    refund.refundId = newRefundId();
    refund.totalFee = *totalFee;
    refund.refundFee = *refundFee;
    refund.refundDesc = field(fields, "refund_desc");
    refund.notifyUrl = field(fields, "notify_url").empty() ? merchant.refundNotifyUrl : field(fields, "notify_url");
    refund.signType = caller.signType;
    const auto [applied, stored] = refunds_.apply(refund);
    switch (applied) {
      case RefundStore::Applied::Exceeds:
        return businessFail(merchant, caller.signType, "ERROR", "申请退款金额超过订单可退金额");
      case RefundStore::Applied::Conflict:
        return businessFail(merchant, caller.signType, "ERROR", "同一退款单号的订单或金额与之前的请求不一致");
      case RefundStore::Applied::Created:
        log().information("refund %s of order %s (%s): %s fen", stored.outRefundNo, stored.outTradeNo, stored.mchId,
                          std::to_string(stored.refundFee));
        processor_.start(RefundStore::keyOf(stored));
        break;
      case RefundStore::Applied::Repeated:
        break;
    }
    const std::string fee = std::to_string(stored.refundFee);
    const std::string total = std::to_string(stored.totalFee);
    return signedAnswer(merchant, caller.signType,
                        {{"result_code", "SUCCESS"},
                         {"transaction_id", stored.transactionId},
                         {"out_trade_no", stored.outTradeNo},
                         {"out_refund_no", stored.outRefundNo},
                         {"refund_id", stored.refundId},
                         {"refund_fee", fee},
                         {"settlement_refund_fee", fee},
                         {"total_fee", total},
                         {"settlement_total_fee", total},
                         {"fee_type", "CNY"},
                         {"cash_fee", total},
                         {"cash_refund_fee", fee}});
  } catch (const ReturnFail& fail) {
    log().information("refund refused: %s", fail.message);
    return returnFail(fail.message);
  }
}

std::string WxpayApi::refundQuery(const std::string& body) {
  try {
    wx::Fields fields;
    const Caller caller = authenticate(body, fields);
    const std::string outRefundNo = field(fields, "out_refund_no");
    const std::string outTradeNo = field(fields, "out_trade_no");
    if (outRefundNo.empty() && outTradeNo.empty()) throw ReturnFail{"缺少参数 out_refund_no"};
    // One refund by out_refund_no, or all of an order's by out_trade_no.
    std::vector<SimRefund> found;
    for (const auto& refund : refunds_.ofMerchant(caller.merchant->mchId)) {
      if (outRefundNo.empty() ? refund.outTradeNo == outTradeNo : refund.outRefundNo == outRefundNo) {
        found.push_back(refund);
      }
    }
    if (found.empty()) return businessFail(*caller.merchant, caller.signType, "REFUNDNOTEXIST", "not exist");
    const SimRefund& first = found.front();
    wx::Fields answer{{"result_code", "SUCCESS"},
                      {"transaction_id", first.transactionId},
                      {"out_trade_no", first.outTradeNo},
                      {"total_fee", std::to_string(first.totalFee)},
                      {"settlement_total_fee", std::to_string(first.totalFee)},
                      {"fee_type", "CNY"},
                      {"cash_fee", std::to_string(first.totalFee)},
                      {"refund_count", std::to_string(found.size())}};
    for (std::size_t n = 0; n < found.size(); ++n) {
      const SimRefund& refund = found[n];
      const std::string i = "_" + std::to_string(n);
      answer["out_refund_no" + i] = refund.outRefundNo;
      answer["refund_id" + i] = refund.refundId;
      answer["refund_channel" + i] = "ORIGINAL";
      answer["refund_fee" + i] = std::to_string(refund.refundFee);
      answer["settlement_refund_fee" + i] = std::to_string(refund.refundFee);
      answer["refund_status" + i] = refund.status;
      answer["refund_account" + i] = "REFUND_SOURCE_RECHARGE_FUNDS";
      answer["refund_recv_accout" + i] = "支付用户零钱";
      if (!refund.successTime.empty()) answer["refund_success_time" + i] = refund.successTime;
    }
    return signedAnswer(*caller.merchant, caller.signType, answer);
  } catch (const ReturnFail& fail) {
    log().information("refundquery refused: %s", fail.message);
    return returnFail(fail.message);
  }
}

}  // namespace paynext::tools::gatewaysim
