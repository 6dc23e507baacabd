#include "core/http/admin_api.h"

#include <climits>
#include <cstdint>
#include <map>
#include <optional>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/NumberParser.h>
#include <Poco/Logger.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include "core/actions/chain_retry.h"
#include "core/common/clock.h"
#include "core/crypto/digest.h"
#include "core/http/json_response.h"
#include "core/http/request_body.h"
#include "core/identity/too_many_attempts.h"
#include "core/ledger/wallet_adjustment.h"
#include "core/net/outbound_session.h"
#include "core/payments/no_checkout.h"
#include "core/payments/points_rule.h"
#include "core/plugin_context/plugin_scope.h"
#include "paynext/sdk/errors.h"
#include "paynext/sdk/no_ledger.h"
#include "paynext/sdk/params.h"

namespace paynext::core::http {

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

// An admin API refusal with its HTTP status.
struct AdminError {
  int status;
  std::string message;
};

Object::Ptr factoryJson(const tenancy::Factory& f) {
  Object::Ptr json = new Object;
  json->set("id", f.id);
  json->set("name", f.name);
  json->set("title", f.title);
  json->set("enabled", f.enabled);
  return json;
}

Object::Ptr moduleJson(const plugin_host::LoadedModule& m) {
  Object::Ptr json = new Object;
  json->set("name", m.name);
  json->set("title", m.title);
  json->set("version", m.version);
  json->set("file", m.file);
  Array::Ptr types = new Array;
  for (const auto& t : m.actionTypes) {
    Object::Ptr type = new Object;
    type->set("code", t.code);
    type->set("title", t.title);
    Array::Ptr params = new Array;
    for (const auto& p : t.params) {
      Object::Ptr param = new Object;
      param->set("name", p.name);
      param->set("type", p.type);
      param->set("required", p.required);
      param->set("description", p.description);
      params->add(param);
    }
    type->set("params", params);
    types->add(type);
  }
  json->set("actionTypes", types);
  // The module's own admin routes under .../modules/{name}{path}, e.g. GET /settings.
  Array::Ptr adminRoutes = new Array;
  for (const auto& r : m.routes) {
    if (r.audience != sdk::Audience::Admin) continue;
    Object::Ptr route = new Object;
    route->set("method", r.method);
    route->set("path", r.path);
    route->set("title", r.title);
    adminRoutes->add(route);
  }
  json->set("adminRoutes", adminRoutes);
  return json;
}

std::map<std::string, std::string> queryParams(const Poco::Net::HTTPServerRequest& request) {
  std::map<std::string, std::string> out;
  for (const auto& [k, v] : queryParameters(request.getURI())) out[k] = v;
  return out;
}

// A numeric query parameter within [min, max]; refused with a message naming it.
std::int64_t boundedInt(const std::map<std::string, std::string>& query, const std::string& name, std::int64_t def,
                        std::int64_t min, std::int64_t max) {
  auto it = query.find(name);
  if (it == query.end() || it->second.empty()) return def;
  Poco::Int64 v = 0;
  if (!Poco::NumberParser::tryParse64(it->second, v) || v < min || v > max) {
    throw AdminError{400, "参数 " + name + " 应为 " + std::to_string(min) + " 到 " + std::to_string(max) + " 的整数"};
  }
  return v;
}

// The HTTP status for an API工厂 code raised by a service or a module.
int httpStatusOf(int code) {
  if (code == 409 || code == 500) return code;
  if (code == 404 || code == sdk::codes::kNoData) return 404;
  return 400;
}

}  // namespace

struct AdminApi::Call {
  std::vector<std::string> segments;  // after /admin/api
  Poco::Net::HTTPServerRequest& request;
  Object::Ptr body;
  identity::AdminPrincipal principal;
  std::string actor;  // who, for the audit log
  int status = 200;
  Poco::Dynamic::Var result;
};

AdminApi::AdminApi(Services& services) : services_(services) {}

void AdminApi::handle(const std::vector<std::string>& segments, Poco::Net::HTTPServerRequest& request,
                      Poco::Net::HTTPServerResponse& response) {
  const bool login = segments.size() == 1 && segments[0] == "login" && request.getMethod() == "POST";
  std::optional<identity::AdminPrincipal> principal;
  if (!login) {
    principal = authenticate(request);
    if (!principal) return sendAdminError(response, 401, "需要有效的管理员令牌");
  }
  const std::string body = readBody(request, services_.limits);
  Call call{segments, request, nullptr, {}, {}, 200, {}};
  try {
    const std::string& method = request.getMethod();
    call.body = (method == "POST" || method == "PUT") ? parseJsonObject(body.empty() ? "{}" : body, services_.limits)
                                                      : Object::Ptr(new Object);
    if (login) {
      auto token = services_.admins.login(sdk::params::requireString(*call.body, "username"),
                                          sdk::params::requireString(*call.body, "password"),
                                          request.clientAddress().host().toString());
      if (!token) throw AdminError{401, "用户名或密码错误"};
      Object::Ptr json = new Object;
      json->set("token", token->token);
      json->set("expiresAt", token->expiresAt);
      call.result = json;
    } else {
      call.principal = *principal;
      call.actor = principal->username;
      dispatch(call);
    }
  } catch (const AdminError& e) {
    return sendAdminError(response, e.status, e.message);
  } catch (const identity::TooManyAttempts& e) {
    response.set("Retry-After", std::to_string(e.retryAfterSeconds()));
    return sendAdminError(response, 429, e.what());
  } catch (const BadRequest& e) {
    return sendAdminError(response, e.status(), e.what());
  } catch (const sdk::Error& e) {
    return sendAdminError(response, httpStatusOf(e.code()), e.what());
  }
  if (call.status == 204) return sendText(response, 204, "text/plain", "");
  sendJson(response, call.status, call.result);
}

std::optional<identity::AdminPrincipal> AdminApi::authenticate(const Poco::Net::HTTPServerRequest& request) {
  const std::string auth = request.get("Authorization", "");
  const std::string prefix = "Bearer ";
  if (auth.compare(0, prefix.size(), prefix) != 0) return std::nullopt;
  const std::string token = auth.substr(prefix.size());
  // The bootstrap token of the configuration is a platform admin, for automation.
  if (!services_.adminToken.empty() && crypto::constantTimeEquals(token, services_.adminToken)) {
    return identity::AdminPrincipal{0, "admin.token", true, 0};
  }
  return services_.admins.authenticate(token);
}

void AdminApi::requirePlatform(const Call& call) {
  if (!call.principal.platform) throw AdminError{403, "需要平台管理员权限"};
}

tenancy::Factory AdminApi::authorizedFactory(const Call& call, const std::string& name) {
  auto factory = services_.factories.findByName(name);
  // A factory admin learns nothing about other factories, not even whether they exist.
  if (!call.principal.platform && (!factory || factory->id != call.principal.factoryId)) {
    throw AdminError{403, "无权访问工厂 " + name};
  }
  if (!factory) throw AdminError{404, "工厂 " + name + " 不存在"};
  return *factory;
}

void AdminApi::dispatch(Call& call) {
  const auto& seg = call.segments;
  const std::string& method = call.request.getMethod();
  if (seg.size() == 1 && seg[0] == "plugins" && method == "GET") {
    Array::Ptr modules = new Array;
    for (const auto& m : services_.modules.modules()) modules->add(moduleJson(*m));
    // Files refused at start-up: not served, but an admin must see why.
    Array::Ptr refused = new Array;
    for (const auto& r : services_.modules.refused()) {
      Object::Ptr json = new Object;
      json->set("file", r.file);
      json->set("reason", r.reason);
      refused->add(json);
    }
    Object::Ptr json = new Object;
    json->set("modules", modules);
    json->set("refused", refused);
    call.result = json;
    return;
  }
  if (seg.size() == 1 && seg[0] == "admins" && method == "GET") {
    // A factory admin sees their own factory's admins; a platform admin every one, or one factory's.
    std::int64_t factoryId = call.principal.platform ? 0 : call.principal.factoryId;
    const auto query = queryParams(call.request);
    if (auto it = query.find("factory"); it != query.end()) factoryId = authorizedFactory(call, it->second).id;
    Array::Ptr list = new Array;
    for (const auto& admin : services_.admins.list(factoryId)) {
      Object::Ptr json = new Object;
      json->set("id", admin.id);
      json->set("username", admin.username);
      json->set("role", admin.platform ? "platform" : "factory");
      json->set("factoryId", admin.factoryId);
      list->add(json);
    }
    call.result = list;
    return;
  }
  if (seg.size() == 1 && seg[0] == "admins" && method == "POST") {
    requirePlatform(call);
    namespace p = sdk::params;
    const std::string role = p::requireString(*call.body, "role");
    if (role != "platform" && role != "factory") throw sdk::ParamError("role", "role 只能是 platform 或 factory");
    std::int64_t factoryId = 0;
    if (role == "factory") {
      const std::string name = p::requireString(*call.body, "factory");
      auto f = services_.factories.findByName(name);
      if (!f) throw AdminError{404, "工厂 " + name + " 不存在"};
      factoryId = f->id;
    }
    auto admin = services_.admins.create(p::requireString(*call.body, "username"),
                                         p::requireString(*call.body, "password"), role == "platform", factoryId);
    services_.audit.record(factoryId, call.actor, "admin.create", admin.username, "", role);
    Object::Ptr json = new Object;
    json->set("id", admin.id);
    json->set("username", admin.username);
    json->set("role", role);
    json->set("factoryId", factoryId);
    call.status = 201;
    call.result = json;
    return;
  }
  if (seg.size() == 1 && seg[0] == "audit" && method == "GET") {
    std::int64_t factoryId = call.principal.platform ? 0 : call.principal.factoryId;
    const auto query = queryParams(call.request);
    if (auto it = query.find("factory"); it != query.end()) factoryId = authorizedFactory(call, it->second).id;
    call.result = services_.audit.list(factoryId, boundedInt(query, "limit", 100, 1, 1000));
    return;
  }
  if (seg.size() == 2 && seg[0] == "testing" && seg[1] == "clock" && services_.clockControl) {
    // Test servers only (testing.clockControl): moves the clock jobs, leases and modules read.
    requirePlatform(call);
    if (method == "PUT") clockOffsetMs() = sdk::params::requireInt(*call.body, "offsetMs");
    Object::Ptr json = new Object;
    json->set("nowMs", nowMs());
    json->set("offsetMs", clockOffsetMs().load());
    call.result = json;
    return;
  }
  if (seg.empty() || seg[0] != "factories") throw AdminError{404, "接口不存在"};
  if (seg.size() == 1 && method == "GET") {
    Array::Ptr list = new Array;
    for (const auto& f : services_.factories.list()) {
      if (call.principal.platform || f.id == call.principal.factoryId) list->add(factoryJson(f));
    }
    call.result = list;
    return;
  }
  if (seg.size() == 1 && method == "POST") {
    requirePlatform(call);
    namespace p = sdk::params;
    auto f = services_.factories.create(p::requireString(*call.body, "name"), p::requireString(*call.body, "title"));
    services_.audit.record(f.id, call.actor, "factory.create", f.name, "", f.title);
    call.status = 201;
    call.result = factoryJson(f);
    return;
  }
  factoryScoped(call, authorizedFactory(call, seg[1]));
}

void AdminApi::factoryScoped(Call& call, const tenancy::Factory& factory) {
  const auto& seg = call.segments;
  const std::string& method = call.request.getMethod();
  if (seg.size() == 2 && method == "GET") {
    Object::Ptr json = factoryJson(factory);
    Object::Ptr modules = new Object;
    for (const auto& m : services_.modules.modules()) {
      modules->set(m->name, services_.factories.moduleEnabled(factory.id, m->name));
    }
    json->set("modules", modules);
    call.result = json;
    return;
  }
  if (seg.size() == 2 && method == "PUT") {
    requirePlatform(call);
    auto enabled = sdk::params::optionalBool(*call.body, "enabled");
    if (!enabled) throw sdk::ParamError("enabled", "缺少参数 enabled");
    services_.factories.setEnabled(factory.id, *enabled);
    services_.audit.record(factory.id, call.actor, *enabled ? "factory.enable" : "factory.disable", factory.name,
                           factory.enabled ? "enabled" : "disabled", *enabled ? "enabled" : "disabled");
    tenancy::Factory changed = factory;
    changed.enabled = *enabled;
    call.result = factoryJson(changed);
    return;
  }
  if (seg.size() >= 3 && seg[2] == "modules") return modules(call, factory);
  if (seg.size() >= 3 && seg[2] == "config") return config(call, factory);
  if (seg.size() >= 3 && seg[2] == "channels") return channels(call, factory);
  if (seg.size() >= 3 && seg[2] == "payments") return payments(call, factory);
  if (seg.size() >= 3 && seg[2] == "users") return users(call, factory);
  throw AdminError{404, "接口不存在"};
}

void AdminApi::modules(Call& call, const tenancy::Factory& factory) {
  const auto& seg = call.segments;
  const std::string& method = call.request.getMethod();
  if (seg.size() == 3 && method == "GET") {
    Array::Ptr list = new Array;
    for (const auto& m : services_.modules.modules()) {
      Object::Ptr json = moduleJson(*m);
      json->set("enabled", services_.factories.moduleEnabled(factory.id, m->name));
      list->add(json);
    }
    call.result = list;
    return;
  }
  if (seg.size() < 4) throw AdminError{404, "接口不存在"};
  const auto* module = services_.modules.byName(seg[3]);
  if (!module) throw AdminError{404, "模块 " + seg[3] + " 未加载"};
  if (seg.size() == 4 && method == "PUT") {
    auto enabled = sdk::params::optionalBool(*call.body, "enabled");
    if (!enabled) throw sdk::ParamError("enabled", "缺少参数 enabled");
    const bool before = services_.factories.moduleEnabled(factory.id, module->name);
    services_.factories.setModuleEnabled(factory.id, module->name, *enabled);
    services_.audit.record(factory.id, call.actor, "module.set", module->name, before ? "enabled" : "disabled",
                           *enabled ? "enabled" : "disabled");
    Object::Ptr json = new Object;
    json->set("module", module->name);
    json->set("title", module->title);
    json->set("enabled", *enabled);
    call.result = json;
    return;
  }
  std::string path;
  for (std::size_t i = 4; i < seg.size(); ++i) path += "/" + seg[i];
  moduleRoute(call, factory, *module, path);
}

namespace {

Poco::JSON::Object::Ptr configJson(const std::string& key, const tenancy::ConfigEntry& entry) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("key", key);
  json->set("value", entry.value);
  json->set("private", entry.isPrivate);
  return json;
}

}  // namespace

void AdminApi::config(Call& call, const tenancy::Factory& factory) {
  const auto& seg = call.segments;
  const std::string& method = call.request.getMethod();
  if (seg.size() == 3 && method == "GET") {
    // {KEY: value} as ever; ?detail=1 lists each with its private mark.
    const auto entries = services_.factories.configEntries(factory.id);
    if (queryParams(call.request).count("detail")) {
      Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
      for (const auto& [key, entry] : entries) list->add(configJson(key, entry));
      call.result = list;
    } else {
      Object::Ptr json = new Object;
      for (const auto& [key, entry] : entries) json->set(key, entry.value);
      call.result = json;
    }
    return;
  }
  if (seg.size() != 4) throw AdminError{404, "接口不存在"};
  const std::string& key = seg[3];
  const auto all = services_.factories.configEntries(factory.id);
  const tenancy::ConfigEntry before = all.count(key) ? all.at(key) : tenancy::ConfigEntry{};
  if (method == "PUT") {
    const std::string value = sdk::params::requireString(*call.body, "value");
    const auto isPrivate = sdk::params::optionalBool(*call.body, "private");
    payments::checkPaymentSystemParam(key, value);
    services_.factories.setConfig(factory.id, key, value, isPrivate);
    const auto saved = services_.factories.configEntries(factory.id).at(key);
    // A private value is kept out of the audit trail as it is out of the mobile API.
    services_.audit.record(factory.id, call.actor, "config.set", key, before.isPrivate ? "(私密)" : before.value,
                           saved.isPrivate ? "(私密)" : value);
    call.result = configJson(key, saved);
    return;
  }
  if (method == "DELETE") {
    if (!services_.factories.deleteConfig(factory.id, key)) throw AdminError{404, "系统参数 " + key + " 不存在"};
    services_.audit.record(factory.id, call.actor, "config.delete", key, before.isPrivate ? "(私密)" : before.value, "");
    call.status = 204;
    return;
  }
  throw AdminError{404, "接口不存在"};
}

namespace {

// A channel's stored settings with secrets replaced by set/unset; null when unset.
Poco::Dynamic::Var redactedChannel(tenancy::FactoryStore& factories, std::int64_t factoryId,
                                   const payments::PaymentChannel& channel) {
  auto stored = factories.channelConfig(factoryId, channel.name());
  if (!stored) return Poco::Dynamic::Var();
  return channel.account(*Poco::JSON::Parser().parse(*stored).extract<Object::Ptr>())->redacted();
}

std::string text(const Poco::Dynamic::Var& json) {
  if (json.isEmpty()) return "";
  std::ostringstream out;
  Poco::JSON::Stringifier::condense(json, out);
  return out.str();
}

// A gatewayUrl the outbound policy would refuse is refused when saved, so the
// admin hears of it now rather than from a failed payment.
void refuseInwardGateway(const std::string& url) {
  if (url.empty()) return;
  if (auto why = net::outboundRefusal(url, *net::gatewayOutboundPolicy(), net::systemResolve)) {
    throw sdk::ParamError("gatewayUrl", "参数 gatewayUrl 不可用:" + *why);
  }
}

}  // namespace

void AdminApi::putChannel(Call& call, const tenancy::Factory& factory, const payments::PaymentChannel& channel) {
  const std::string before = text(redactedChannel(services_.factories, factory.id, channel));
  const auto account = channel.account(*call.body);
  for (const auto& url : account->gatewayUrls()) refuseInwardGateway(url);
  services_.factories.setChannelConfig(factory.id, channel.name(), text(account->toJson()));
  services_.audit.record(factory.id, call.actor, "channel.set", channel.name(), before, text(account->redacted()));
  call.result = account->redacted();
}

void AdminApi::channels(Call& call, const tenancy::Factory& factory) {
  const auto& seg = call.segments;
  const std::string& method = call.request.getMethod();
  if (seg.size() == 3 && method == "GET") {
    Object::Ptr json = new Object;
    for (const auto& channel : services_.payments.channels().all()) {
      json->set(channel->name(), redactedChannel(services_.factories, factory.id, *channel));
    }
    call.result = json;
    return;
  }
  if (seg.size() == 4 && method == "PUT") {
    if (const auto* channel = services_.payments.channels().find(seg[3])) return putChannel(call, factory, *channel);
  }
  throw AdminError{404, "接口不存在"};
}

void AdminApi::payments(Call& call, const tenancy::Factory& factory) {
  const auto& seg = call.segments;
  const std::string& method = call.request.getMethod();
  if (seg.size() == 3 && method == "GET") {
    const auto query = queryParams(call.request);
    auto text = [&](const char* name) {
      auto it = query.find(name);
      return it == query.end() ? std::string() : it->second;
    };
    payments::PaymentFilter filter;
    filter.status = text("status");
    filter.channel = text("channel");
    filter.outTradeId = text("outTradeId");
    filter.userId = boundedInt(query, "user", 0, 0, INT64_MAX);
    filter.fromMs = boundedInt(query, "from", 0, 0, INT64_MAX);
    filter.toMs = boundedInt(query, "to", 0, 0, INT64_MAX);
    filter.limit = static_cast<int>(boundedInt(query, "limit", 50, 1, 500));
    filter.offset = static_cast<int>(boundedInt(query, "offset", 0, 0, INT32_MAX));
    call.result = services_.paymentQueries.search(factory.id, filter);
    return;
  }
  if (seg.size() < 4) throw AdminError{404, "接口不存在"};
  const std::string& out = seg[3];
  auto detail = services_.paymentQueries.detail(factory.id, out);
  if (!detail) throw AdminError{404, "支付 " + out + " 不存在"};
  if (seg.size() == 4 && method == "GET") {
    call.result = detail;
    return;
  }
  if (seg.size() == 5 && seg[4] == "retry" && method == "POST") {
    const int seq = services_.db.transaction([&](Poco::Data::Session& s) {
      const int failed = actions::retryFailedChain(s, factory.id, out);
      if (failed >= 0) {
        services_.audit.record(s, factory.id, call.actor, "payment.retry", out,
                               "step " + std::to_string(failed) + " FAILED", "PENDING");
      }
      return failed;
    });
    if (seq < 0) throw AdminError{409, "支付 " + out + " 没有失败的步骤"};
    services_.wakeWorker();
    call.result = services_.paymentQueries.detail(factory.id, out);
    return;
  }
  if (seg.size() == 5 && seg[4] == "refunds") return refunds(call, factory, out);
  if (seg.size() == 5 && seg[4] == "close" && method == "POST") {
    if (!services_.payments.close(factory.id, out)) throw AdminError{409, "只能关闭未支付的支付"};
    services_.audit.record(factory.id, call.actor, "payment.close", out, "CREATED", "CLOSED");
    call.result = services_.paymentQueries.detail(factory.id, out);
    return;
  }
  throw AdminError{404, "接口不存在"};
}

// POST: money back (fen) {amount, points?, reason, refundNo?}; 201 with the
// refund, or 200 with the same one when refundNo was used for it already.
void AdminApi::refunds(Call& call, const tenancy::Factory& factory, const std::string& out) {
  const std::string& method = call.request.getMethod();
  if (method == "GET") {
    call.result = services_.paymentQueries.refunds(factory.id, out);
    return;
  }
  if (method != "POST") throw AdminError{404, "接口不存在"};
  namespace p = sdk::params;
  payments::RefundRequest request;
  request.outTradeId = out;
  request.amount = p::optionalInt(*call.body, "amount").value_or(0);
  request.points = p::optionalInt(*call.body, "points").value_or(0);
  request.reason = Poco::trim(p::optionalString(*call.body, "reason").value_or(""));
  request.refundNo = p::optionalString(*call.body, "refundNo").value_or("");
  request.actor = call.actor;
  const auto outcome = services_.refunds.refund(factory, request);
  const auto& r = outcome.refund;
  if (outcome.created) {
    services_.audit.record(factory.id, call.actor, "payment.refund", out, "",
                           r.outRefundNo + " " + std::to_string(r.amount) + " fen " + std::to_string(r.points) +
                               " points: " + r.reason);
  }
  const auto refunds = services_.paymentQueries.refunds(factory.id, out);
  for (const auto& item : *refunds) {
    const auto refund = item.extract<Object::Ptr>();
    if (refund->getValue<std::string>("refundNo") == r.outRefundNo) call.result = refund;
  }
  call.status = outcome.created ? 201 : 200;
}

namespace {

// Wallet totals as the audit log keeps them, in fen.
std::string walletText(const ledger::WalletAmounts& w, const std::string& reason = "",
                       const std::string& reference = "") {
  Object::Ptr json = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("balance", w.balance);
  json->set("points", w.points);
  if (!reason.empty()) json->set("reason", reason);
  if (!reference.empty()) json->set("reference", reference);
  return text(json);
}

}  // namespace

void AdminApi::users(Call& call, const tenancy::Factory& factory) {
  const auto& seg = call.segments;
  const std::string& method = call.request.getMethod();
  const auto query = queryParams(call.request);
  if (seg.size() == 3 && method == "GET") {
    identity::UserFilter filter;
    if (auto it = query.find("mobile"); it != query.end()) filter.mobile = it->second;
    filter.limit = static_cast<int>(boundedInt(query, "limit", 50, 1, 500));
    filter.offset = static_cast<int>(boundedInt(query, "offset", 0, 0, INT32_MAX));
    call.result = services_.userQueries.search(factory.id, filter);
    return;
  }
  if (seg.size() < 4) throw AdminError{404, "接口不存在"};
  Poco::Int64 userId = 0;
  // An id that is no number names no user: the same answer as an unknown one.
  if (!Poco::NumberParser::tryParse64(seg[3], userId) || userId <= 0) {
    throw AdminError{404, "用户 " + seg[3] + " 不存在"};
  }
  if (seg.size() == 4 && method == "GET") {
    auto user = services_.userQueries.detail(factory.id, userId, static_cast<int>(boundedInt(query, "limit", 20, 1, 500)),
                                             static_cast<int>(boundedInt(query, "offset", 0, 0, INT32_MAX)));
    if (!user) throw AdminError{404, "用户 " + seg[3] + " 不存在"};
    call.result = user;
    return;
  }
  if (seg.size() == 5 && seg[4] == "adjustments" && method == "POST") {
    const ledger::WalletAdjustment adjustment = ledger::parseWalletAdjustment(*call.body);
    const auto applied = services_.db.transaction([&](Poco::Data::Session& s) {
      auto a = ledger::applyWalletAdjustment(s, factory.id, userId, call.actor, adjustment);
      services_.audit.record(s, factory.id, call.actor, "wallet.adjust", "user:" + std::to_string(userId),
                             walletText(a.before), walletText(a.after, adjustment.reason, a.reference));
      return a;
    });
    Object::Ptr json = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    json->set("id", applied.id);
    json->set("userId", userId);
    json->set("reference", applied.reference);
    json->set("reason", adjustment.reason);
    json->set("balance", adjustment.balance);
    json->set("points", adjustment.points);
    Object::Ptr wallet = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    wallet->set("balance", applied.after.balance);
    wallet->set("frozen", applied.after.frozen);
    wallet->set("points", applied.after.points);
    wallet->set("totalConsumed", applied.after.totalConsumed);
    json->set("wallet", wallet);
    call.status = 201;
    call.result = json;
    return;
  }
  throw AdminError{404, "接口不存在"};
}

void AdminApi::moduleRoute(Call& call, const tenancy::Factory& factory, const plugin_host::LoadedModule& module,
                           const std::string& path) {
  for (const auto& route : module.routes) {
    if (route.audience != sdk::Audience::Admin || route.path != path) continue;
    if (route.method != "*" && route.method != call.request.getMethod()) continue;
    // Admin calls may pass fields in the query string too.
    Object::Ptr params = new Object(*call.body);
    for (const auto& [name, value] : queryParameters(call.request.getURI())) params->set(name, value);
    auto invoke = [&](Poco::Data::Session& s) {
      plugin_context::PluginScope scope(services_.serviceDirectory, s, factory.id, factory.name, 0, module.name,
                                        "admin:" + call.actor);
      sdk::NoLedger noWallet;
      payments::NoCheckout noCheckout;
      sdk::RouteContext ctx{scope.scope(), params, noWallet, noCheckout, call.request.clientAddress().host().toString(),
                            services_.http};
      sdk::RouteResponse r = route.handler(ctx);
      if (r.code != 0) throw sdk::Error(r.code, r.msg);
      return r;
    };
    sdk::RouteResponse r;
    if (route.writes) {
      r = services_.db.transaction(invoke);
    } else {
      Poco::Data::Session s = services_.db.session();
      r = invoke(s);
    }
    call.status = call.request.getMethod() == "POST" ? 201 : 200;
    call.result = r.data;
    return;
  }
  throw AdminError{404, "接口不存在"};
}

}  // namespace paynext::core::http
