#include "core/plugin_host/module_registry.h"

namespace paynext::core::plugin_host {

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
  const LoadedModule* m = module.get();
  byName_[m->name] = m;
  for (const auto& type : m->actionTypes) byType_[type.code] = {m, &type};
  modules_.push_back(std::move(module));
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
