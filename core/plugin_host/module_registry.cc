#include "core/plugin_host/module_registry.h"

#include <optional>

namespace paynext::core::plugin_host {

namespace {

bool isAdmin(const sdk::Route& route) { return route.audience == sdk::Audience::Admin; }

// Where a route answers (see sdk::Audience): user and public routes share
// /{factory} with the server's own paths, admin routes sit under their module.
std::string mountedPath(const LoadedModule& module, const sdk::Route& route) {
  return isAdmin(route) ? "/admin/api/factories/{factory}/modules/" + module.name + route.path
                        : "/{factory}" + route.path;
}

// The method both answer, if any: "*" answers every method.
std::optional<std::string> sharedMethod(const std::string& a, const std::string& b) {
  if (a == "*") return b;
  if (b == "*" || a == b) return a;
  return std::nullopt;
}

}  // namespace

ModuleRegistry::ModuleRegistry(std::string host, std::set<std::string> hostPaths)
    : host_(std::move(host)), hostPaths_(std::move(hostPaths)) {}

void ModuleRegistry::add(std::unique_ptr<LoadedModule> module) {
  if (auto it = byName_.find(module->name); it != byName_.end()) {
    throw DuplicateActionType("module name '" + module->name + "' is claimed by both " + it->second->file + " and " +
                              module->file);
  }
  for (const auto& type : module->actionTypes) {
    if (auto it = byType_.find(type.code); it != byType_.end()) {
      throw DuplicateActionType("action type " + std::to_string(type.code) + " is claimed by both " +
                                it->second.first->file + " and " + module->file);
    }
  }
  checkRoutes(*module);
  const LoadedModule* m = module.get();
  byName_[m->name] = m;
  for (const auto& type : m->actionTypes) byType_[type.code] = {m, &type};
  modules_.push_back(std::move(module));
}

void ModuleRegistry::checkRoutes(const LoadedModule& module) const {
  const auto& routes = module.routes;
  for (std::size_t i = 0; i < routes.size(); ++i) {
    const sdk::Route& route = routes[i];
    const std::string where = mountedPath(module, route);
    auto claimedBy = [&](const std::string& method, const std::string& owner) {
      return DuplicateRoute("route " + method + " " + where + " is claimed by both " + owner + " and " + module.file);
    };
    if (!isAdmin(route)) {
      // The server serves its own paths whatever the method.
      if (hostPaths_.count(route.path)) throw claimedBy(route.method, host_);
      for (const auto& other : modules_) {
        for (const auto& theirs : other->routes) {
          if (isAdmin(theirs) || theirs.path != route.path) continue;
          if (auto method = sharedMethod(theirs.method, route.method)) throw claimedBy(*method, other->file);
        }
      }
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (mountedPath(module, routes[j]) != where) continue;
      if (auto method = sharedMethod(routes[j].method, route.method)) {
        throw DuplicateRoute("route " + *method + " " + where + " is claimed twice by " + module.file);
      }
    }
  }
}

void ModuleRegistry::refuse(RefusedPlugin plugin) { refused_.push_back(std::move(plugin)); }

const LoadedModule* ModuleRegistry::byName(const std::string& name) const {
  auto it = byName_.find(name);
  return it == byName_.end() ? nullptr : it->second;
}

const LoadedModule* ModuleRegistry::byType(int code) const {
  auto it = byType_.find(code);
  return it == byType_.end() ? nullptr : it->second.first;
}

const sdk::ActionType* ModuleRegistry::actionType(int code) const {
  auto it = byType_.find(code);
  return it == byType_.end() ? nullptr : it->second.second;
}

}  // namespace paynext::core::plugin_host
