#pragma once
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/plugin_host/loaded_module.h"
#include "core/plugin_host/refused_plugin.h"

namespace paynext::core::plugin_host {

class DuplicateActionType : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Two routes answering the same method and path: the dispatcher would
// silently serve only the first, so it is a start-up error instead.
class DuplicateRoute : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The loaded modules, by name and by the action type codes they claim, and
// the plugin files refused on the way. Built once at start-up and read-only
// afterwards (no hot unload), so lookups need no lock.
class ModuleRegistry {
 public:
  ModuleRegistry() = default;
  // hostPaths: the paths under /{factory} the server itself serves, for every
  // method; a module route on one of them is refused naming host as its owner.
  ModuleRegistry(std::string host, std::set<std::string> hostPaths);

  // Throws DuplicateActionType naming both files, or a duplicate module name;
  // DuplicateRoute naming both owners of a method and path. Nothing is added then.
  void add(std::unique_ptr<LoadedModule> module);
  // Keeps a file the loader refused, so admins see it and why.
  void refuse(RefusedPlugin plugin);

  const LoadedModule* byName(const std::string& name) const;
  const LoadedModule* byType(int code) const;
  const sdk::ActionType* actionType(int code) const;
  const std::vector<std::unique_ptr<LoadedModule>>& modules() const { return modules_; }
  const std::vector<RefusedPlugin>& refused() const { return refused_; }

 private:
  void checkRoutes(const LoadedModule& module) const;

  std::string host_;
  std::set<std::string> hostPaths_;
  std::vector<std::unique_ptr<LoadedModule>> modules_;
  std::vector<RefusedPlugin> refused_;
  std::map<std::string, const LoadedModule*> byName_;
  std::map<int, std::pair<const LoadedModule*, const sdk::ActionType*>> byType_;
};

}  // namespace paynext::core::plugin_host
