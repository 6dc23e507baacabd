#include "tools/paynext_cli/plugin_inspect.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

#include "core/plugin_host/plugin_loader.h"
#include "paynext/sdk/abi_stamp.h"
#include "paynext/sdk/module_export.h"
#include "tools/paynext_cli/cli_errors.h"
#include "tools/paynext_cli/table.h"

namespace paynext::cli {

namespace {

#define PAYNEXT_CLI_STR2(x) #x
#define PAYNEXT_CLI_STR(x) PAYNEXT_CLI_STR2(x)

const char* audienceName(sdk::Audience audience) {
  switch (audience) {
    case sdk::Audience::User: return "user";
    case sdk::Audience::Public: return "public";
    case sdk::Audience::Admin: return "admin";
  }
  return "?";
}

Poco::JSON::Object::Ptr manifestJson(const core::plugin_host::LoadedModule& m, const std::string& abi) {
  using Poco::JSON::Array;
  using Poco::JSON::Object;
  Object::Ptr json = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("name", m.name);
  json->set("title", m.title);
  json->set("version", m.version);
  json->set("file", m.file);
  json->set("abi", abi);
  Array::Ptr types = new Array;
  for (const auto& t : m.actionTypes) {
    Object::Ptr type = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    type->set("code", t.code);
    type->set("title", t.title);
    Array::Ptr params = new Array;
    for (const auto& p : t.params) {
      Object::Ptr param = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
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
  Array::Ptr routes = new Array;
  for (const auto& r : m.routes) {
    Object::Ptr route = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    route->set("audience", audienceName(r.audience));
    route->set("method", r.method);
    route->set("path", r.path);
    route->set("writes", r.writes);
    routes->add(route);
  }
  json->set("routes", routes);
  json->set("migrations", m.migrations.size());
  return json;
}

void printManifest(const core::plugin_host::LoadedModule& m, const std::string& abi, std::ostream& out) {
  Table about({"FIELD", "VALUE"});
  about.addRow({"name", m.name});
  about.addRow({"title", m.title});
  about.addRow({"version", m.version});
  about.addRow({"file", m.file});
  about.addRow({"abi", abi});
  about.addRow({"migrations", std::to_string(m.migrations.size())});
  about.print(out);

  // One row per parameter, so each keeps its type and description.
  out << '\n';
  Table types({"TYPE", "TITLE", "PARAM", "PARAM TYPE", "REQUIRED", "DESCRIPTION"});
  for (const auto& t : m.actionTypes) {
    if (t.params.empty()) types.addRow({std::to_string(t.code), t.title, "-"});
    for (const auto& p : t.params) {
      types.addRow({std::to_string(t.code), t.title, p.name, p.type, p.required ? "yes" : "no", p.description});
    }
  }
  types.print(out);

  out << '\n';
  Table routes({"AUDIENCE", "METHOD", "PATH", "WRITES"});
  for (const auto& r : m.routes) routes.addRow({audienceName(r.audience), r.method, r.path, r.writes ? "yes" : "no"});
  routes.print(out);
}

}  // namespace

int inspectPlugin(const std::string& file, bool json, std::ostream& out, std::ostream& err) {
  std::unique_ptr<core::plugin_host::LoadedModule> loaded;
  try {
    loaded = core::plugin_host::loadPlugin(file);
  } catch (const core::plugin_host::PluginRefused& e) {
    err << "paynext: " << e.what() << '\n';
    return kExitApiError;
  }
  // The stamp as the library carries it (the loader has checked it matches).
  const auto& stamp = loaded->library.get<const sdk::AbiStamp>(PAYNEXT_CLI_STR(PAYNEXT_ABI_STAMP_SYMBOL));
  const std::string abi = sdk::describe(stamp);
  if (json) {
    Poco::JSON::Stringifier::stringify(manifestJson(*loaded, abi), out, 2);
    out << '\n';
  } else {
    printManifest(*loaded, abi, out);
  }
  return kExitOk;
}

}  // namespace paynext::cli
