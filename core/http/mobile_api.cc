#include "core/http/mobile_api.h"

#include <map>
#include <memory>
#include <optional>
#include <stdexcept>

#include <Poco/JSON/Array.h>
#include <Poco/Logger.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>

#include "core/http/core_mobile_paths.h"
#include "core/http/json_response.h"
#include "core/identity/too_many_attempts.h"
#include "core/ledger/ledger_entries.h"
#include "core/ledger/wallet_ledger.h"
#include "core/plugin_context/plugin_scope.h"
#include "core/payments/no_checkout.h"
#include "core/payments/user_checkout.h"
#include "paynext/sdk/checkout.h"
#include "paynext/sdk/china_time.h"
#include "paynext/sdk/errors.h"
#include "paynext/sdk/no_ledger.h"
#include "paynext/sdk/params.h"

namespace paynext::core::http {

namespace p = sdk::params;
using Poco::JSON::Object;

struct MobileApi::Call {
  const tenancy::Factory& factory;
  const std::string& path;
  Poco::Net::HTTPServerRequest& request;
  Object::Ptr params;
  const std::string& rawBody;
  int code = 0;
  std::string msg = "success";
  Poco::Dynamic::Var data;
  Poco::Dynamic::Var body;  // a module route's own answer, sent instead of the envelope
};

namespace {

// API工厂's pay endpoints (seed 000) and the channel each opens.
const std::map<std::string, sdk::PayChannel> kPayPaths = {
    {"/pay/wx/wxapp", sdk::PayChannel::wxpay("jsapi")},       {"/pay/wx/app", sdk::PayChannel::wxpay("app")},
    {"/pay/alipay/gate/app", sdk::PayChannel::alipay("app")}, {"/pay/alipay/gate/wap", sdk::PayChannel::alipay("wap")},
    {"/pay/alipay/gate/h5", sdk::PayChannel::alipay("wap")}};

std::string text(const Object& params, const std::string& name) { return p::optionalString(params, name).value_or(""); }

std::map<std::string, std::string> lowerCaseHeaders(const Poco::Net::HTTPServerRequest& request) {
  std::map<std::string, std::string> out;
  for (const auto& [name, value] : request) out.emplace(Poco::toLower(name), value);
  return out;
}

Object::Ptr amountsJson(const ledger::WalletAmounts& a) {
  Object::Ptr data = new Object;
  data->set("balance", sdk::yuanNumber(a.balance));
  data->set("freeze", sdk::yuanNumber(a.frozen));
  data->set("score", a.points);
  data->set("growth", 0);
  data->set("totleConsumed", sdk::yuanNumber(a.totalConsumed));
  return data;
}

// A ledger entry as the user sees it: money in yuan, points as points.
Object::Ptr cashLogJson(const ledger::LedgerEntry& e) {
  Object::Ptr data = new Object;
  const bool points = e.currency == "points";
  data->set("id", e.id);
  data->set("type", e.currency);
  data->set("amount", points ? Poco::Dynamic::Var(e.amount) : Poco::Dynamic::Var(sdk::yuanNumber(e.amount)));
  data->set("balanceAfter",
            points ? Poco::Dynamic::Var(e.balanceAfter) : Poco::Dynamic::Var(sdk::yuanNumber(e.balanceAfter)));
  data->set("remark", e.reason);
  data->set("dateAdd", sdk::formatChinaTime(e.createdAt));
  return data;
}

Object::Ptr paymentJson(const payments::PaymentView& v) {
  Object::Ptr data = new Object;
  data->set("outTradeId", v.outTradeId);
  data->set("channel", v.channel);
  data->set("money", sdk::yuanNumber(v.amount));
  data->set("points", v.points);
  data->set("status", v.status == "PAID" ? 2 : v.status == "CLOSED" ? -1 : 0);
  data->set("statusStr", v.status);
  data->set("payName", v.payName);
  data->set("remark", v.remark);
  return data;
}

}  // namespace

MobileApi::MobileApi(Services& services) : services_(services) {}

std::string MobileApi::routeLabel(const std::string& path) const {
  if (kCoreMobilePaths.count(path)) return path;
  for (const auto& module : services_.modules.modules()) {
    for (const auto& route : module->routes) {
      if (route.audience != sdk::Audience::Admin && route.path == path) return path;
    }
  }
  return "other";
}

identity::User MobileApi::requireUser(Call& call) {
  // API工厂 clients send a `token` parameter; the order pay-now API a header.
  std::string token = text(*call.params, "token");
  if (token.empty()) token = call.request.get("token", "");
  if (token.empty()) throw sdk::Error(sdk::codes::kNotLoggedIn, "请先登录");
  auto user = services_.users.authenticate(call.factory.id, token);
  if (!user) throw sdk::Error(sdk::codes::kNotLoggedIn, "登录已过期,请重新登录");
  return *user;
}

const sdk::Route* MobileApi::findModuleRoute(const std::string& path, const std::string& method,
                                             const plugin_host::LoadedModule** owner) const {
  for (const auto& module : services_.modules.modules()) {
    for (const auto& route : module->routes) {
      if (route.audience == sdk::Audience::Admin || route.path != path) continue;
      if (route.method != "*" && route.method != method) continue;
      if (owner) *owner = module.get();
      return &route;
    }
  }
  return nullptr;
}

void MobileApi::handle(const tenancy::Factory& factory, const std::string& path,
                       Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
  Object::Ptr params;
  std::string rawBody;
  try {
    rawBody = readBody(request, services_.limits);
    params = requestParams(request, rawBody, services_.limits);
  } catch (const BadRequest& e) {
    // A route with its own dialect answers even an unreadable request in it.
    const sdk::Route* route = findModuleRoute(path, request.getMethod());
    if (!route || !route->refusal) throw;
    return sendJson(response, e.status(), route->refusal(sdk::codes::kBadRequest, e.what()));
  }
  Call call{factory, path, request, params, rawBody, sdk::codes::kOk, "success", {}, {}};
  try {
    if (!handleCore(call) && !handleModuleRoute(call)) {
      return sendEnvelope(response, 404, "接口不存在:" + path, Poco::Dynamic::Var(), 404);
    }
  } catch (const identity::TooManyAttempts& e) {
    // The wait in data too, so a client can count down without parsing msg.
    Object::Ptr data = new Object;
    data->set("retryAfter", e.retryAfterSeconds());
    call.code = e.code();
    call.msg = e.what();
    call.data = data;
  } catch (const sdk::Error& e) {
    call.code = e.code();
    call.msg = e.what();
    call.data.empty();
  }
  if (!call.body.isEmpty()) return sendJson(response, 200, call.body);
  sendEnvelope(response, call.code, call.msg, call.data);
}

payments::PayRequest MobileApi::payRequest(Call& call) {
  const Object& in = *call.params;
  payments::PayRequest req;
  req.money = p::requireMoney(in, "money");
  req.payName = text(in, "payName");
  req.remark = text(in, "remark");
  req.openid = text(in, "openid");
  req.clientIp = call.request.clientAddress().host().toString();
  if (p::has(in, "nextAction")) {
    // Mobile clients send a string; a JSON body may carry the object itself.
    const Poco::Dynamic::Var next = in.get("nextAction");
    if (next.type() == typeid(Object::Ptr)) {
      std::ostringstream out;
      next.extract<Object::Ptr>()->stringify(out);
      req.nextAction = out.str();
    } else {
      req.nextAction = next.toString();
    }
  }
  return req;
}

bool MobileApi::handleCore(Call& call) {
  const std::string& path = call.path;
  if (!kCoreMobilePaths.count(path)) return false;
  const Object& in = *call.params;
  if (path == "/user/m/register") {
    const std::string password = in.has("pwd") ? text(in, "pwd") : text(in, "password");
    auto user = services_.users.registerByMobile(call.factory.id, text(in, "mobile"), password, text(in, "nick"),
                                                 call.request.clientAddress().host().toString());
    Object::Ptr data = new Object;
    data->set("uid", user.id);
    call.data = data;
  } else if (path == "/user/m/login") {
    const std::string password = in.has("pwd") ? text(in, "pwd") : text(in, "password");
    auto token = services_.users.login(call.factory.id, text(in, "mobile"), password,
                                       call.request.clientAddress().host().toString());
    Object::Ptr data = new Object;
    data->set("token", token.token);
    data->set("uid", token.userId);
    call.data = data;
  } else if (path == "/user/check-token") {
    requireUser(call);
  } else if (path == "/user/amount") {
    auto user = requireUser(call);
    Poco::Data::Session s = services_.db.session();
    call.data = amountsJson(ledger::WalletLedger(s, call.factory.id, user.id).amounts());
  } else if (path == "/user/cashLog") {
    auto user = requireUser(call);
    const auto page = p::pageWindow(in);
    Poco::Data::Session s = services_.db.session();
    const auto entries = ledger::ledgerEntries(s, call.factory.id, user.id, page.offset, page.limit);
    if (entries.empty()) throw sdk::Error(sdk::codes::kNoData, "暂无数据");
    Poco::JSON::Array::Ptr data = new Poco::JSON::Array;
    for (const auto& entry : entries) data->add(cashLogJson(entry));
    call.data = data;
  } else if (path == "/config/value") {
    auto value = services_.factories.publicConfig(call.factory.id, p::requireString(in, "key"));
    if (!value) throw sdk::Error(sdk::codes::kNoData, "暂无数据");
    call.data = *value;
  } else if (path == "/config/values") {
    Poco::JSON::Array::Ptr data = new Poco::JSON::Array;
    Poco::StringTokenizer keys(p::requireString(in, "keys"), ",",
                               Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
    for (const auto& key : keys) {
      if (auto value = services_.factories.publicConfig(call.factory.id, key)) {
        Object::Ptr item = new Object;
        item->set("key", key);
        item->set("value", *value);
        data->add(item);
      }
    }
    if (data->size() == 0) throw sdk::Error(sdk::codes::kNoData, "暂无数据");
    call.data = data;
  } else if (const auto pay = kPayPaths.find(path); pay != kPayPaths.end()) {
    auto user = requireUser(call);
    call.data =
        services_.payments.create(call.factory, user, payRequest(call), pay->second.name, pay->second.method).payParams;
  } else if (path == "/pay/query") {
    auto user = requireUser(call);
    auto payment = services_.payments.find(call.factory.id, user.id, p::requireString(in, "outTradeId"));
    if (!payment) throw sdk::Error(sdk::codes::kNoData, "暂无数据");
    call.data = paymentJson(*payment);
  } else {
    // Listed as core's but served by nobody: a programming error, not a module's route.
    throw std::logic_error("core mobile path " + path + " has no handler");
  }
  return true;
}

bool MobileApi::handleModuleRoute(Call& call) {
  const plugin_host::LoadedModule* module = nullptr;
  const sdk::Route* route = findModuleRoute(call.path, call.request.getMethod(), &module);
  if (!route) return false;
  try {
    runModuleRoute(call, *module, *route);
  } catch (const sdk::Error& e) {
    if (!route->refusal) throw;
    call.body = route->refusal(e.code(), e.what());
  }
  return true;
}

void MobileApi::runModuleRoute(Call& call, const plugin_host::LoadedModule& module, const sdk::Route& route) {
  if (!services_.factories.moduleEnabled(call.factory.id, module.name)) {
    throw sdk::Error(404, "模块「" + module.title + "」未启用,请先在后台“工厂设置 → 模块管理”中启用");
  }
  std::optional<identity::User> user;
  if (route.audience == sdk::Audience::User) user = requireUser(call);
  auto invoke = [&](Poco::Data::Session& s) {
    plugin_context::PluginScope scope(services_.serviceDirectory, s, call.factory.id, call.factory.name,
                                      user ? user->id : 0, module.name, "route:" + module.name + route.path);
    sdk::NoLedger noWallet;
    payments::NoCheckout noCheckout;
    std::unique_ptr<payments::UserCheckout> checkout;
    if (user) checkout = std::make_unique<payments::UserCheckout>(services_.payments, call.factory, *user, route.writes);
    sdk::RouteContext ctx{scope.scope(),
                          call.params,
                          user ? scope.scope().wallets.of(user->id) : static_cast<sdk::Ledger&>(noWallet),
                          checkout ? static_cast<sdk::Checkout&>(*checkout) : noCheckout,
                          call.request.clientAddress().host().toString(),
                          services_.http,
                          call.rawBody,
                          lowerCaseHeaders(call.request)};
    sdk::RouteResponse r = route.handler(ctx);
    // A refusal answered without throwing must not commit half its work.
    if (r.code != 0 && route.writes) throw sdk::Error(r.code, r.msg);
    return r;
  };
  sdk::RouteResponse r;
  try {
    if (route.writes) {
      r = services_.db.transaction(invoke);
    } else {
      Poco::Data::Session s = services_.db.session();
      r = invoke(s);
    }
  } catch (const sdk::Error&) {
    throw;
  } catch (const std::exception& e) {
    Poco::Logger::get("paynext.http").error("route %s of module %s threw: %s", call.path, module.name,
                                            std::string(e.what()));
    throw sdk::Error(500, "服务器内部错误");
  }
  call.code = r.code;
  call.msg = r.msg;
  call.data = r.data;
  call.body = r.body;
}

}  // namespace paynext::core::http
