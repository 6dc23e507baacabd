#include "user_routes.h"

#include <Poco/JSON/Array.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

#include "image_store.h"
#include "publish_request.h"
#include "purchase_store.h"
#include "settings_store.h"

namespace paynext::plugins::imagetrade {

namespace p = sdk::params;

namespace {

using Page = p::Window;

Page pageOf(const Poco::JSON::Object& params) { return p::pageWindow(params); }


// API工厂 answers an empty list with 700, which its client treats as "nothing yet".
sdk::RouteResponse listOrNoData(const Poco::JSON::Array::Ptr& list) {
  if (list->size() == 0) return sdk::RouteResponse::noData();
  return sdk::RouteResponse::ok(list);
}

ImageStore images(sdk::RouteContext& ctx) { return ImageStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock); }
PurchaseStore purchases(sdk::RouteContext& ctx) {
  return PurchaseStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
}

Image requireImage(sdk::RouteContext& ctx, std::int64_t id) {
  auto image = images(ctx).find(id);
  if (!image) throw sdk::Error(sdk::codes::kNoData, "图片 " + std::to_string(id) + " 不存在");
  return *image;
}

sdk::RouteResponse listForSale(sdk::RouteContext& ctx) {
  const Page page = pageOf(*ctx.params);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& i : images(ctx).list(kOnSale, 0, page.offset, page.limit)) list->add(publicJson(i));
  return listOrNoData(list);
}

sdk::RouteResponse publish(sdk::RouteContext& ctx) {
  const Settings settings = SettingsStore(ctx.scope.session, ctx.scope.factoryId).findOrDefault();
  const PublishRequest request = PublishRequest::parse(*ctx.params, settings);
  return sdk::RouteResponse::ok(fullJson(images(ctx).create(ctx.scope.userId, request)));
}

sdk::RouteResponse myImages(sdk::RouteContext& ctx) {
  const Page page = pageOf(*ctx.params);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& i : images(ctx).list("", ctx.scope.userId, page.offset, page.limit)) list->add(fullJson(i));
  return listOrNoData(list);
}

sdk::RouteResponse buy(sdk::RouteContext& ctx) {
  const Image image = requireImage(ctx, p::requirePositiveInt(*ctx.params, "imageId"));
  if (image.sellerId == ctx.scope.userId) throw sdk::Error(sdk::codes::kBadRequest, "不能购买自己的图片");
  if (image.status != kOnSale) throw sdk::Error(sdk::codes::kBadRequest, "图片 " + std::to_string(image.id) + " 已售出");
  PurchaseStore store = purchases(ctx);
  // Asking twice before paying gives the same record, so unpaid ones do not pile up.
  if (auto open = store.findUnpaid(ctx.scope.userId, image.id)) return sdk::RouteResponse::ok(toJson(*open, image.title));
  return sdk::RouteResponse::ok(toJson(store.create(ctx.scope.userId, image), image.title));
}

sdk::RouteResponse myPurchases(sdk::RouteContext& ctx) {
  const Page page = pageOf(*ctx.params);
  ImageStore imageStore = images(ctx);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& purchase : purchases(ctx).list(ctx.scope.userId, 0, page.offset, page.limit)) {
    auto image = imageStore.find(purchase.imageId);
    list->add(toJson(purchase, image ? image->title : ""));
  }
  return listOrNoData(list);
}

sdk::RouteResponse original(sdk::RouteContext& ctx) {
  const Image image = requireImage(ctx, p::requirePositiveInt(*ctx.params, "imageId"));
  const bool entitled =
      image.sellerId == ctx.scope.userId || purchases(ctx).hasPaid(ctx.scope.userId, image.id);
  Poco::JSON::Object::Ptr data = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  data->set("imageId", image.id);
  data->set("title", image.title);
  data->set("url", entitled ? image.originalUrl : image.previewUrl);
  data->set("original", entitled);
  return sdk::RouteResponse::ok(data);
}

sdk::Route route(const std::string& method, const std::string& path, sdk::Audience audience, bool writes,
                 sdk::RouteResponse (*handler)(sdk::RouteContext&)) {
  return sdk::Route(method, path, audience, writes, handler);
}

}  // namespace

std::vector<sdk::Route> userRoutes() {
  using sdk::Audience;
  return {route("*", "/imagetrade/images", Audience::Public, false, listForSale),
          route("POST", "/imagetrade/image/publish", Audience::User, true, publish),
          route("*", "/imagetrade/my/images", Audience::User, false, myImages),
          route("POST", "/imagetrade/buy", Audience::User, true, buy),
          route("*", "/imagetrade/my/purchases", Audience::User, false, myPurchases),
          route("*", "/imagetrade/original", Audience::User, false, original)};
}

}  // namespace paynext::plugins::imagetrade
