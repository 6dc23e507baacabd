#include "push_routes.h"

#include <Poco/NumberParser.h>
#include <Poco/String.h>

#include "paynext/sdk/china_time.h"
#include "paynext/sdk/crypto.h"
#include "paynext/sdk/errors.h"

#include "hmac_signature.h"
#include "jd_order_store.h"
#include "push_request.h"
#include "settings_store.h"

namespace paynext::plugins::jdjingli {

namespace {

constexpr int kUnauthorized = 401;
constexpr int kForbidden = 403;
constexpr std::size_t kTokenBytes = 16;

std::string header(const sdk::RouteContext& ctx, const std::string& name) {
  auto it = ctx.headers.find(Poco::toLower(name));
  if (it == ctx.headers.end() || it->second.empty()) {
    throw sdk::Error(kUnauthorized, "缺少签名请求头 " + name);
  }
  return it->second;
}

// Refuses anything but a body signed now with this factory's secret.
void checkSignature(const sdk::RouteContext& ctx, const std::string& secret) {
  if (secret.empty()) throw sdk::Error(kForbidden, "京东京励未设置签名密钥,请管理员先在模块设置中设置");
  const std::string timestamp = header(ctx, kTimestampHeader);
  const std::string signature = header(ctx, kSignatureHeader);
  Poco::Int64 seconds = 0;
  if (timestamp.size() > 12 || timestamp.find_first_not_of("0123456789") != std::string::npos ||
      !Poco::NumberParser::tryParse64(timestamp, seconds)) {
    throw sdk::Error(kUnauthorized, "请求头 " + kTimestampHeader + " 应为 Unix 时间戳(秒)");
  }
  const std::int64_t skew = ctx.scope.clock.nowMs() / 1000 - seconds;
  if (skew > kMaxSkewSeconds || skew < -kMaxSkewSeconds) {
    throw sdk::Error(kUnauthorized, "签名已过期:" + kTimestampHeader + " 与服务器时间相差超过 " +
                                        std::to_string(kMaxSkewSeconds) + " 秒");
  }
  if (!sdk::crypto::constantTimeEquals(Poco::toLower(signature), signatureOf(secret, timestamp, ctx.body))) {
    throw sdk::Error(kUnauthorized, "签名错误");
  }
}

std::string freshToken() { return sdk::crypto::randomHex(kTokenBytes); }

Poco::JSON::Object::Ptr answer(const JdOrder& order) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("token", order.token);
  json->set("orderNo", order.orderNo);
  json->set("amount", sdk::formatYuan(order.amount));
  json->set("status", order.status);
  json->set("expiresAt", sdk::formatChinaTime(order.expiresAt));
  return json;
}

sdk::RouteResponse pushOrder(sdk::RouteContext& ctx) {
  const JdSettings settings = SettingsStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock).get();
  checkSignature(ctx, settings.secret);
  const PushRequest request = PushRequest::parse(ctx.body, ctx.http);
  JdOrder pushed;
  pushed.orderNo = request.orderNo;
  pushed.amount = request.amount;
  pushed.items = request.items;
  pushed.payResultUrl = request.payResultUrl;

  JdOrderStore orders(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  const auto existing = orders.findByOrderNo(request.orderNo);
  if (!existing) return sdk::RouteResponse::ok(answer(orders.create(pushed, freshToken(), settings.ttlMs())));
  const std::string named = "京东订单 " + request.orderNo;
  if (existing->status == kPaid) throw sdk::Error(sdk::codes::kBadRequest, named + " 已支付,不能重复推送");
  if (existing->statusAt(ctx.scope.clock.nowMs()) == kExpired) {
    return sdk::RouteResponse::ok(answer(orders.rearm(*existing, pushed, freshToken(), settings.ttlMs())));
  }
  // Pending: the same push again is answered the same token; a different one is JD's mistake.
  if (existing->amount != pushed.amount || existing->items != pushed.items ||
      existing->payResultUrl != pushed.payResultUrl) {
    throw sdk::Error(sdk::codes::kBadRequest, named + " 待支付中,不能以不同的内容重复推送");
  }
  return sdk::RouteResponse::ok(answer(*existing));
}

}  // namespace

std::vector<sdk::Route> pushRoutes() {
  return {sdk::Route("POST", "/jdjingli/order/push", sdk::Audience::Public, true, pushOrder)};
}

}  // namespace paynext::plugins::jdjingli
