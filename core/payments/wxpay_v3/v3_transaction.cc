#include "core/payments/wxpay_v3/v3_transaction.h"

#include "core/payments/wxpay_v3/v3_error.h"
#include "core/payments/wxpay_v3/v3_json.h"

namespace paynext::core::payments::wxpay_v3 {

V3Transaction parseTransaction(const std::string& json) {
  const std::string what = "transaction";
  const auto object = parseJsonObject(json, what);
  V3Transaction t;
  t.appId = requiredString(*object, "appid", what);
  t.mchId = requiredString(*object, "mchid", what);
  t.outTradeNo = requiredString(*object, "out_trade_no", what);
  t.tradeState = requiredString(*object, "trade_state", what);
  t.transactionId = optionalString(*object, "transaction_id", what);
  t.tradeType = optionalString(*object, "trade_type", what);
  t.tradeStateDesc = optionalString(*object, "trade_state_desc", what);
  t.successTime = optionalString(*object, "success_time", what);
  if (const auto amount = optionalObject(*object, "amount", what)) {
    t.totalFen = optionalInteger(*amount, "total", what + " amount").value_or(0);
    t.currency = optionalString(*amount, "currency", what + " amount");
  }
  if (const auto payer = optionalObject(*object, "payer", what)) {
    t.payerOpenid = optionalString(*payer, "openid", what + " payer");
  }
  if (t.tradeState == "SUCCESS") {
    // What settles a payment must be there; the rest is informational.
    if (t.transactionId.empty()) throw WxpayV3Error(what + " in state SUCCESS has no transaction_id");
    if (t.totalFen <= 0) throw WxpayV3Error(what + " in state SUCCESS has no positive amount.total");
  }
  return t;
}

}  // namespace paynext::core::payments::wxpay_v3
