#include "user_routes.h"

#include <Poco/JSON/Array.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

#include "bill_quote.h"
#include "bill_store.h"
#include "shop_store.h"

namespace paynext::plugins::shopbill {

namespace p = sdk::params;

namespace {

sdk::RouteResponse listShops(sdk::RouteContext& ctx) {
  const auto page = p::pageWindow(*ctx.params);
  Poco::JSON::Array::Ptr out = new Poco::JSON::Array;
  for (const auto& shop : ShopStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock)
                              .list(true, page.offset, page.limit)) {
    out->add(toUserJson(shop, ctx.scope.clock.nowMs()));
  }
  return sdk::RouteResponse::list(out);
}

sdk::RouteResponse quote(sdk::RouteContext& ctx) {
  const BillQuote q = quoteFor(ctx.scope, ShopbillRequest::parse(*ctx.params));
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("shopId", q.shop.id);
  json->set("shopName", q.shop.name);
  json->set("money", sdk::yuanNumber(q.quote.bill));
  json->set("tierDiscount", sdk::yuanNumber(q.quote.tierOff));
  json->set("percentDiscount", sdk::yuanNumber(q.quote.percentOff));
  json->set("discount", sdk::yuanNumber(q.quote.discount()));
  json->set("due", sdk::yuanNumber(q.quote.due));
  json->set("discountActive", q.quote.active && !q.shop.rule.empty());
  return sdk::RouteResponse::ok(json);
}

sdk::RouteResponse listBills(sdk::RouteContext& ctx) {
  const auto page = p::pageWindow(*ctx.params);
  Poco::JSON::Array::Ptr out = new Poco::JSON::Array;
  for (const auto& bill : BillStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock)
                              .list(0, ctx.scope.userId, page.offset, page.limit)) {
    out->add(toUserJson(bill));
  }
  return sdk::RouteResponse::list(out);
}

}  // namespace

std::vector<sdk::Route> userRoutes() {
  return {sdk::Route("*", "/shopbill/shops", sdk::Audience::User, false, listShops),
          sdk::Route("*", "/shopbill/quote", sdk::Audience::User, false, quote),
          sdk::Route("*", "/shopbill/bills", sdk::Audience::User, false, listBills)};
}

}  // namespace paynext::plugins::shopbill
