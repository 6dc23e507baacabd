#pragma once
// A refund as API v3 describes it: the answer of 退款申请 and 查询单笔退款
// ("status"), and the plaintext of a REFUND.* notification's resource
// ("refund_status", "mchid").
#include <string>

#include "tools/gatewaysim/wxpay_v3_refund_store.h"

namespace paynext::tools::gatewaysim {

// {"refund_id","out_refund_no","transaction_id","out_trade_no","channel",
//  "user_received_account","success_time"?,"create_time","status",
//  "funds_account","amount":{"total","refund","payer_total","payer_refund",
//  "settlement_refund","settlement_total","discount_refund","currency"}}
std::string v3RefundJson(const V3SimRefund& refund);

// {"mchid","transaction_id","out_trade_no","refund_id","out_refund_no",
//  "refund_status","success_time"?,"user_received_account",
//  "amount":{"total","refund","payer_total","payer_refund"}}
std::string v3RefundResourceJson(const V3SimRefund& refund);

}  // namespace paynext::tools::gatewaysim
