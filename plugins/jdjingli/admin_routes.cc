#include "admin_routes.h"

#include <Poco/JSON/Array.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

#include "jd_order_store.h"
#include "settings_store.h"

namespace paynext::plugins::jdjingli {

namespace p = sdk::params;

namespace {

constexpr std::size_t kMinSecretBytes = 16;
constexpr std::size_t kMaxSecretBytes = 256;
constexpr int kMaxTtlMinutes = 7 * 24 * 60;

SettingsStore settingsStore(sdk::RouteContext& ctx) {
  return SettingsStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
}

sdk::RouteResponse getSettings(sdk::RouteContext& ctx) { return sdk::RouteResponse::ok(toJson(settingsStore(ctx).get())); }

sdk::RouteResponse putSettings(sdk::RouteContext& ctx) {
  JdSettings settings = settingsStore(ctx).get();
  if (p::has(*ctx.params, "secret")) {
    settings.secret = p::requireText(*ctx.params, "secret", kMaxSecretBytes);
    if (settings.secret.size() < kMinSecretBytes) {
      throw sdk::ParamError("secret", "参数 secret 至少 " + std::to_string(kMinSecretBytes) + " 字节");
    }
  }
  if (p::has(*ctx.params, "ttlMinutes")) {
    const auto ttl = p::requirePositiveInt(*ctx.params, "ttlMinutes");
    if (ttl > kMaxTtlMinutes) throw p::invalid("ttlMinutes", "1 到 " + std::to_string(kMaxTtlMinutes) + " 之间的整数");
    settings.ttlMinutes = static_cast<int>(ttl);
  }
  return sdk::RouteResponse::ok(toJson(settingsStore(ctx).save(settings)));
}

sdk::RouteResponse listOrders(sdk::RouteContext& ctx) {
  JdOrderStore orders(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  const std::int64_t nowMs = ctx.scope.clock.nowMs();
  if (p::has(*ctx.params, "id")) {
    const std::int64_t id = p::requirePositiveInt(*ctx.params, "id");
    const auto order = orders.find(id);
    if (!order) throw sdk::Error(sdk::codes::kNoData, "京东京励订单 " + std::to_string(id) + " 不存在");
    return sdk::RouteResponse::ok(toAdminJson(*order, nowMs));
  }
  const std::int64_t userId = p::optionalUser(*ctx.params, "userId", ctx.scope.users);
  const std::string status = p::optionalString(*ctx.params, "status").value_or("");
  if (!status.empty() && status != kPending && status != kPaid && status != kExpired) {
    throw p::invalid("status", "PENDING、PAID 或 EXPIRED");
  }
  const auto window = p::offsetWindow(*ctx.params);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& order : orders.list(userId, status, window.offset, window.limit)) {
    list->add(toAdminJson(order, nowMs));
  }
  return sdk::RouteResponse::ok(list);
}

}  // namespace

std::vector<sdk::Route> adminRoutes() {
  // One path per resource, so the console shows each as one section (it GETs every path without params).
  return {sdk::Route("GET", "/settings", sdk::Audience::Admin, false, getSettings, "京东京励设置"),
          sdk::Route("PUT", "/settings", sdk::Audience::Admin, true, putSettings, "京东京励设置"),
          sdk::Route("GET", "/orders", sdk::Audience::Admin, false, listOrders, "京东京励订单")};
}

}  // namespace paynext::plugins::jdjingli
