#include "tools/gatewaysim/wxpay_api.h"

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
    Poco::Int64 fee = 0;
    if (!Poco::NumberParser::tryParse64(field(fields, "total_fee"), fee) || fee <= 0 ||
        std::to_string(fee) != field(fields, "total_fee")) {
      throw ReturnFail{"total_fee参数格式错误"};
    }
    order.totalFee = fee;
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
      answer["trade_state_desc"] = "订单未支付";
    }
    return signedAnswer(*caller.merchant, caller.signType, answer);
  } catch (const ReturnFail& fail) {
    log().information("orderquery refused: %s", fail.message);
    return returnFail(fail.message);
  }
}

}  // namespace paynext::tools::gatewaysim
