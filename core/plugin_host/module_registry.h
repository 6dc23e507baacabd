#pragma once
#include <map>
#include <memory>
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

// The loaded modules, by name and by the action type codes they claim, and
// the plugin files refused on the way. Built once at start-up and read-only
// afterwards (no hot unload), so lookups need no lock.
class ModuleRegistry {
 public:
  // Throws DuplicateActionType naming both files, or a duplicate module name.
  void add(std::unique_ptr<LoadedModule> module);
  // Keeps a file the loader refused, so admins see it and why.
  void refuse(RefusedPlugin plugin);

  const LoadedModule* byName(const std::string& name) const;
  const LoadedModule* byType(int code) const;
  const sdk::ActionType* actionType(int code) const;
  const std::vector<std::unique_ptr<LoadedModule>>& modules() const { return modules_; }
  const std::vector<RefusedPlugin>& refused() const { return refused_; }

 private:
  std::vector<std::unique_ptr<LoadedModule>> modules_;
  std::vector<RefusedPlugin> refused_;
  std::map<std::string, const LoadedModule*> byName_;
  std::map<int, std::pair<const LoadedModule*, const sdk::ActionType*>> byType_;
};

}  // namespace paynext::core::plugin_host
