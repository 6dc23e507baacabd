#include "user_routes.h"

#include <Poco/JSON/Array.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

#include "item_store.h"
#include "purchase_store.h"

namespace paynext::plugins::knowledge {

namespace p = sdk::params;

namespace {

sdk::Route route(const std::string& method, const std::string& path, bool writes,
                 sdk::RouteResponse (*handler)(sdk::RouteContext&)) {
  return sdk::Route(method, path, sdk::Audience::User, writes, handler);
}


std::string notFound(std::int64_t itemId) { return "知识付费内容 " + std::to_string(itemId) + " 不存在"; }

// (offset, limit) from page and pageSize.
std::pair<int, int> paging(const Poco::JSON::Object& params) {
  const auto page = p::pageWindow(params);
  return {page.offset, page.limit};
}

bool bought(PurchaseStore& purchases, std::int64_t userId, std::int64_t itemId) {
  const auto purchase = purchases.findForUserItem(userId, itemId);
  return purchase && purchase->status == kPaid;
}

sdk::RouteResponse createPurchase(sdk::RouteContext& ctx) {
  const std::int64_t itemId = p::requirePositiveInt(*ctx.params, "itemId");
  ItemStore items(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  PurchaseStore purchases(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  const auto item = items.find(itemId);
  if (!item) throw sdk::Error(sdk::codes::kNoData, notFound(itemId));
  if (!item->onSale) throw sdk::Error(sdk::codes::kBadRequest, "知识付费内容「" + item->title + "」已下架");
  if (auto existing = purchases.findForUserItem(ctx.scope.userId, itemId)) {
    if (existing->status == kPaid) {
      throw sdk::Error(sdk::codes::kBadRequest, "已购买过知识付费内容「" + item->title + "」,不能重复购买");
    }
    // One purchase per user and item: asking again answers the pending one.
    return sdk::RouteResponse::ok(toJson(*existing, item->price));
  }
  return sdk::RouteResponse::ok(toJson(purchases.create(ctx.scope.userId, itemId, item->title), item->price));
}

sdk::RouteResponse listItems(sdk::RouteContext& ctx) {
  const auto [offset, limit] = paging(*ctx.params);
  ItemStore items(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  PurchaseStore purchases(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  const auto list = items.list(true, offset, limit);
  // API工厂 answers an empty list with 700, which its client treats as "nothing yet".
  if (list.empty()) return sdk::RouteResponse::noData();
  Poco::JSON::Array::Ptr out = new Poco::JSON::Array;
  // The list shows summaries only; the content is read one item at a time.
  for (const auto& item : list) {
    auto json = toUserJson(item, false);
    json->set("bought", bought(purchases, ctx.scope.userId, item.id));
    out->add(json);
  }
  return sdk::RouteResponse::ok(out);
}

sdk::RouteResponse itemInfo(sdk::RouteContext& ctx) {
  const std::int64_t id = p::requirePositiveInt(*ctx.params, "id");
  ItemStore items(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  PurchaseStore purchases(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  const auto item = items.find(id);
  const bool paid = item && bought(purchases, ctx.scope.userId, id);
  // An item off sale stays readable for those who bought it.
  if (!item || (!item->onSale && !paid)) throw sdk::Error(sdk::codes::kNoData, notFound(id));
  return sdk::RouteResponse::ok(toUserJson(*item, paid));
}

sdk::RouteResponse listPurchases(sdk::RouteContext& ctx) {
  const auto [offset, limit] = paging(*ctx.params);
  const std::string status = p::optionalString(*ctx.params, "status").value_or("");
  if (!status.empty() && status != kPending && status != kPaid) throw p::invalid("status", "PENDING 或 PAID");
  ItemStore items(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  PurchaseStore purchases(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  const auto list = purchases.list(ctx.scope.userId, status, offset, limit);
  if (list.empty()) return sdk::RouteResponse::noData();
  Poco::JSON::Array::Ptr out = new Poco::JSON::Array;
  for (const auto& purchase : list) {
    // Paid: what was debited; pending: what the item costs now.
    sdk::Fen price = purchase.amount;
    if (purchase.status == kPending) {
      const auto item = items.find(purchase.itemId);
      price = item ? item->price : 0;
    }
    out->add(toJson(purchase, price));
  }
  return sdk::RouteResponse::ok(out);
}

}  // namespace

std::vector<sdk::Route> userRoutes() {
  return {route("POST", "/knowledge/order", true, createPurchase), route("*", "/knowledge/items", false, listItems),
          route("*", "/knowledge/item", false, itemInfo), route("*", "/knowledge/purchases", false, listPurchases)};
}

}  // namespace paynext::plugins::knowledge
