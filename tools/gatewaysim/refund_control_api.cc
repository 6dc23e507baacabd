#include "tools/gatewaysim/refund_control_api.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

namespace paynext::tools::gatewaysim {

namespace {

Poco::JSON::Object::Ptr view(const SimRefund& refund) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
  json->set("mch_id", refund.mchId);
  json->set("out_trade_no", refund.outTradeNo);
  json->set("transaction_id", refund.transactionId);
  json->set("out_refund_no", refund.outRefundNo);
  json->set("refund_id", refund.refundId);
  json->set("total_fee", refund.totalFee);
  json->set("refund_fee", refund.refundFee);
  json->set("refund_desc", refund.refundDesc);
  json->set("refund_status", refund.status);
  json->set("success_time", refund.successTime);
  json->set("notify_url", refund.notifyUrl);
  json->set("notify_attempts", refund.notifyAttempts);
  json->set("acknowledged", refund.acknowledged);
  json->set("last_notify_result", refund.lastNotifyResult);
  return json;
}

}  // namespace

ControlResponse RefundControlApi::handle(const std::string& method, const std::string& path, const std::string& mchId,
                                         const std::string& body) {
  if (path == kFailPath) {
    if (method != "POST") return controlError(405, path + " takes POST");
    return failNext(body);
  }
  if (method != "GET") return controlError(405, path + " takes GET");
  return list(mchId);
}

ControlResponse RefundControlApi::failNext(const std::string& body) {
  std::string outTradeNo, mchId, status;
  try {
    Poco::JSON::Parser parser;
    parser.setDepth(4);
    const auto request = parser.parse(body).extract<Poco::JSON::Object::Ptr>();
    outTradeNo = request->optValue<std::string>("out_trade_no", "");
    mchId = request->optValue<std::string>("mch_id", "");
    status = request->optValue<std::string>("refund_status", "REFUNDCLOSE");
  } catch (const Poco::Exception& e) {
    return controlError(400, "bad JSON body: " + e.displayText());
  }
  if (outTradeNo.empty()) return controlError(400, "out_trade_no is required");
  if (status != "REFUNDCLOSE" && status != "CHANGE") return controlError(400, "refund_status must be REFUNDCLOSE or CHANGE");
  std::vector<SimOrder> found;
  for (const auto& order : orders_.findByOutTradeNo(outTradeNo)) {
    if (mchId.empty() || order.mchId == mchId) found.push_back(order);
  }
  if (found.empty()) return controlError(404, "no order " + outTradeNo);
  if (found.size() > 1) return controlError(409, "several merchants have order " + outTradeNo + "; pass mch_id");
  refunds_.failNext(found.front().mchId, outTradeNo, status);
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
  json->set("mch_id", found.front().mchId);
  json->set("out_trade_no", outTradeNo);
  json->set("next_refund_status", status);
  return controlJson(json);
}

ControlResponse RefundControlApi::list(const std::string& mchId) const {
  Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
  for (const auto& refund : refunds_.ofMerchant(mchId)) array->add(view(refund));
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
  json->set("refunds", array);
  return controlJson(json);
}

}  // namespace paynext::tools::gatewaysim
