#include "tools/gatewaysim/wxpay_v3_transaction_json.h"

#include <sstream>

#include <Poco/JSON/Object.h>

namespace paynext::tools::gatewaysim {

std::string rfc3339Beijing(const std::string& compact) {
  if (compact.size() != 14) return compact;
  return compact.substr(0, 4) + "-" + compact.substr(4, 2) + "-" + compact.substr(6, 2) + "T" + compact.substr(8, 2) +
         ":" + compact.substr(10, 2) + ":" + compact.substr(12, 2) + "+08:00";
}

std::string v3TransactionJson(const SimOrder& order, std::optional<std::int64_t> totalOverride) {
  Poco::JSON::Object json(Poco::JSON_PRESERVE_KEY_ORDER);
  const bool paid = order.state == "SUCCESS";
  json.set("appid", order.appId);
  json.set("mchid", order.mchId);
  json.set("out_trade_no", order.outTradeNo);
  if (paid) json.set("transaction_id", order.transactionId);
  json.set("trade_type", order.tradeType);
  json.set("trade_state", order.state);
  json.set("trade_state_desc", paid ? "支付成功" : order.state == "CLOSED" ? "订单已关闭" : "订单未支付");
  if (paid) {
    json.set("bank_type", "OTHERS");
    json.set("success_time", rfc3339Beijing(order.timeEnd));
    Poco::JSON::Object::Ptr payer = new Poco::JSON::Object;
    payer->set("openid", order.openid);
    json.set("payer", payer);
  }
  const std::int64_t total = totalOverride.value_or(order.totalFee);
  Poco::JSON::Object::Ptr amount = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  amount->set("total", total);
  if (paid) amount->set("payer_total", total);
  amount->set("currency", "CNY");
  if (paid) amount->set("payer_currency", "CNY");
  json.set("amount", amount);
  std::ostringstream out;
  json.stringify(out);
  return out.str();
}

}  // namespace paynext::tools::gatewaysim
