#include "shopbill_request.h"

#include "paynext/sdk/params.h"

namespace paynext::plugins::shopbill {

namespace p = sdk::params;

ShopbillRequest ShopbillRequest::parse(const Poco::JSON::Object& params) {
  ShopbillRequest r;
  r.shopId = p::requirePositiveInt(params, "shopId");
  r.money = p::requireMoney(params, "money");
  if (r.money <= 0 || r.money > kMaxBill) {
    throw p::invalid("money", "大于 0 且不超过 " + sdk::formatYuan(kMaxBill) + " 元的优惠前消费金额");
  }
  return r;
}

}  // namespace paynext::plugins::shopbill
