#include "core/http/admin_api.h"

#include <Poco/JSON/Array.h>
#include <Poco/Logger.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include "core/crypto/digest.h"
#include "core/http/json_response.h"
#include "core/ledger/no_wallet.h"
#include "paynext/sdk/errors.h"
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
  return json;
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
  int status = 200;
  Poco::Dynamic::Var result;
};

AdminApi::AdminApi(Services& services) : services_(services) {}

void AdminApi::handle(const std::vector<std::string>& segments, Poco::Net::HTTPServerRequest& request,
                      Poco::Net::HTTPServerResponse& response) {
  const std::string auth = request.get("Authorization", "");
  const std::string prefix = "Bearer ";
  if (services_.adminToken.empty() || auth.compare(0, prefix.size(), prefix) != 0 ||
      !crypto::constantTimeEquals(auth.substr(prefix.size()), services_.adminToken)) {
    return sendAdminError(response, 401, "需要有效的管理员令牌");
  }
  const std::string body = readBody(request, services_.limits);
  Call call{segments, request, nullptr};
  try {
    const std::string& method = request.getMethod();
    call.body = (method == "POST" || method == "PUT") ? parseJsonObject(body.empty() ? "{}" : body, services_.limits)
                                                      : Object::Ptr(new Object);
    dispatch(call);
  } catch (const AdminError& e) {
    return sendAdminError(response, e.status, e.message);
  } catch (const BadRequest& e) {
    return sendAdminError(response, e.status(), e.what());
  } catch (const sdk::Error& e) {
    return sendAdminError(response, httpStatusOf(e.code()), e.what());
  }
  sendJson(response, call.status, call.result);
}

void AdminApi::dispatch(Call& call) {
  const auto& seg = call.segments;
  const std::string& method = call.request.getMethod();
  if (seg.size() == 1 && seg[0] == "plugins" && method == "GET") {
    Array::Ptr list = new Array;
    for (const auto& m : services_.modules.modules()) list->add(moduleJson(*m));
    call.result = list;
    return;
  }
  if (seg.empty() || seg[0] != "factories") throw AdminError{404, "接口不存在"};
  if (seg.size() == 1 && method == "GET") {
    Array::Ptr list = new Array;
    for (const auto& f : services_.factories.list()) list->add(factoryJson(f));
    call.result = list;
    return;
  }
  if (seg.size() == 1 && method == "POST") {
    namespace p = sdk::params;
    auto f = services_.factories.create(p::requireString(*call.body, "name"), p::requireString(*call.body, "title"));
    call.status = 201;
    call.result = factoryJson(f);
    return;
  }
  auto factory = services_.factories.findByName(seg[1]);
  if (!factory) throw AdminError{404, "工厂 " + seg[1] + " 不存在"};
  factoryScoped(call, *factory);
}

void AdminApi::factoryScoped(Call& call, const tenancy::Factory& factory) {
  const auto& seg = call.segments;
  const std::string& method = call.request.getMethod();
  namespace p = sdk::params;
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
  if (seg.size() >= 4 && seg[2] == "modules") {
    const auto* module = services_.modules.byName(seg[3]);
    if (!module) throw AdminError{404, "模块 " + seg[3] + " 未加载"};
    if (seg.size() == 4 && method == "PUT") {
      auto enabled = p::optionalBool(*call.body, "enabled");
      if (!enabled) throw sdk::ParamError("enabled", "缺少参数 enabled");
      services_.factories.setModuleEnabled(factory.id, module->name, *enabled);
      Object::Ptr json = new Object;
      json->set("module", module->name);
      json->set("title", module->title);
      json->set("enabled", *enabled);
      call.result = json;
      return;
    }
    std::string path;
    for (std::size_t i = 4; i < seg.size(); ++i) path += "/" + seg[i];
    return moduleRoute(call, factory, *module, path);
  }
  if (seg.size() == 4 && seg[2] == "config" && method == "PUT") {
    services_.factories.setConfig(factory.id, seg[3], p::requireString(*call.body, "value"));
    Object::Ptr json = new Object;
    json->set("key", seg[3]);
    json->set("value", p::requireString(*call.body, "value"));
    call.result = json;
    return;
  }
  if (seg.size() == 4 && seg[2] == "channels" && seg[3] == "wxpay" && method == "PUT") {
    auto config = payments::WxpayChannelConfig::fromJson(*call.body);
    std::ostringstream out;
    config.toJson()->stringify(out);
    services_.factories.setChannelConfig(factory.id, "wxpay", out.str());
    call.result = config.redacted();
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
    for (const auto& [name, value] : Poco::URI(call.request.getURI()).getQueryParameters()) params->set(name, value);
    auto invoke = [&](Poco::Data::Session& s) {
      tenancy::SessionSystemParams config(s, factory.id);
      ledger::NoWallet noWallet;
      sdk::RouteContext ctx{sdk::Scope{factory.id, factory.name, 0, s, config,
                                       Poco::Logger::get("paynext.plugin." + module.name)},
                            params, noWallet};
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
