#pragma once
#include <vector>

#include "paynext/sdk/route.h"

namespace paynext::plugins::coupons {

// Admin routes under /admin/api/factories/{factory}/modules/coupons (JSON, money in fen):
//   GET  /rules            -> every rule (优惠券规则), with stock, issued and password
//   GET  /rules?id=N       -> one rule; 404 when unknown
//   POST /rules            the fields of parseRule (rule_request.h) -> the new rule (201)
//   PUT  /rules            id and the same fields -> the rule, replaced (issued coupons keep their terms)
//   GET  /issued?userId=&ruleId=&status=&limit=&offset=  -> coupons granted (已发优惠券), newest first
std::vector<sdk::Route> adminRoutes();

}  // namespace paynext::plugins::coupons
