#include <Poco/JSON/Array.h>

#include "card_holder_store.h"
#include "dialect.h"
#include "fields.h"
#include "mobile_routes.h"
#include "package_store.h"
#include "settings_store.h"

namespace paynext::plugins::campus {

namespace {

Poco::JSON::Object::Ptr item(const Package& pkg) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("id", pkg.id);
  json->set("itemName", pkg.itemName);
  json->set("itemPrice", pkg.itemPrice);
  json->set("itemValue", dialect::yuanValue(pkg.price));
  json->set("description", pkg.description);
  json->set("details", detailsJson(pkg.details));
  return json;
}

sdk::RouteResponse searchPayPackages(sdk::RouteContext& ctx) {
  const auto& params = *ctx.params;
  dialect::checkUserId(params, ctx.scope);
  const int type = fields::requireChoice(params, "type", {kCardPackage, kSmsPackage}, "0(一卡通付费套餐)或 1(短信套餐)");
  const auto payType = static_cast<PayType>(fields::requireChoice(
      params, "payType", {static_cast<int>(PayType::Buy), static_cast<int>(PayType::Upgrade)}, "0(正常购买)或 1(升级)"));

  const Settings settings = SettingsStore(ctx.scope.session, ctx.scope.factoryId).findOrDefault();
  const CardHolder holder =
      CardHolderStore(ctx.scope.session, ctx.scope.factoryId).find(ctx.scope.userId).value_or(CardHolder{});
  Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
  for (const auto& pkg : PackageStore(ctx.scope.session, ctx.scope.factoryId).list()) {
    if (pkg.enabled && pkg.type == type && pkg.offeredFor(payType)) items->add(item(pkg));
  }
  Poco::JSON::Object::Ptr data = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  data->set("empName", holder.empName);
  data->set("selectType", settings.selectType);
  data->set("qrCode", settings.qrCode);
  data->set("photo", holder.photo);
  data->set("cardNo", holder.cardNo);
  data->set("protocolUrl", settings.protocolUrl);
  data->set("wxAccount", settings.wxAccount);
  data->set("alipayAccount", settings.alipayAccount);
  data->set("unionPayAccount", settings.unionPayAccount);
  data->set("projectDescription", settings.projectDescription);
  data->set("items", items);
  return dialect::success(data);
}

}  // namespace

sdk::Route searchPayPackagesRoute() { return dialect::route("/api/Pay/SearchPayPackages", searchPayPackages); }

}  // namespace paynext::plugins::campus
