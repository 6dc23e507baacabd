#pragma once
#include "paynext/sdk/route.h"

namespace paynext::plugins::orders {

// POST /order/payNow, the order pay-now API (订单立即支付): `token` header,
// answers {"status":200,"msg":"下单成功","data":{"pay_param":...}} or
// {"status":0,"msg":"...","data":[]}.
sdk::Route payNowRoute();

}  // namespace paynext::plugins::orders
