#pragma once
// A payment as API v3 describes it: the decrypted resource of a
// TRANSACTION.* notification, and the answer of an order query.
#include <cstdint>
#include <string>

namespace paynext::core::payments::wxpay_v3 {

struct V3Transaction {
  std::string appId;           // appid
  std::string mchId;           // mchid
  std::string outTradeNo;      // out_trade_no
  std::string transactionId;   // transaction_id; WeChat sets it once the user pays
  std::string tradeType;       // trade_type: JSAPI, APP, NATIVE, MWEB...
  std::string tradeState;      // trade_state: SUCCESS, NOTPAY, CLOSED, REFUND, USERPAYING, PAYERROR
  std::string tradeStateDesc;  // trade_state_desc, for people
  std::string successTime;     // success_time, RFC 3339; set when SUCCESS
  std::int64_t totalFen = 0;   // amount.total
  std::string currency;        // amount.currency
  std::string payerOpenid;     // payer.openid
};

// Reads the transaction JSON. appid, mchid, out_trade_no and trade_state are
// required; a SUCCESS also needs transaction_id and a positive amount.total.
// Throws WxpayV3Error("transaction ...").
V3Transaction parseTransaction(const std::string& json);

}  // namespace paynext::core::payments::wxpay_v3
