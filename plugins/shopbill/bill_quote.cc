#include "bill_quote.h"

#include <string>

#include "paynext/sdk/errors.h"

#include "shop_store.h"

namespace paynext::plugins::shopbill {

BillQuote quoteFor(sdk::Scope& scope, const ShopbillRequest& request) {
  const auto shop = ShopStore(scope.session, scope.factoryId, scope.clock).find(request.shopId);
  if (!shop) throw sdk::Error(sdk::codes::kNoData, "门店 " + std::to_string(request.shopId) + " 不存在");
  if (!shop->enabled) throw sdk::Error(sdk::codes::kBadRequest, "门店「" + shop->name + "」已停用,暂不能买单");
  return {*shop, quoteBill(shop->rule, request.money, scope.clock.nowMs())};
}

}  // namespace paynext::plugins::shopbill
