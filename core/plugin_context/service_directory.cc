#include "core/plugin_context/service_directory.h"

#include <Poco/Data/Statement.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/messages.h"

namespace paynext::core::plugin_context {

using namespace Poco::Data::Keywords;

ServiceDirectory::ServiceDirectory(const plugin_host::ModuleRegistry& registry) {
  for (const auto& module : registry.modules()) {
    for (const auto& service : module->services) {
      const auto key = std::make_pair(service.name, service.version);
      if (auto it = entries_.find(key); it != entries_.end()) {
        throw DuplicateService("service " + service.name + " v" + std::to_string(service.version) +
                               " is provided by both " + it->second.module->file + " and " + module->file);
      }
      entries_[key] = Entry{module.get(), service.instance.get()};
    }
  }
}

const ServiceDirectory::Entry* ServiceDirectory::find(const std::string& name, int version) const {
  auto it = entries_.find({name, version});
  return it == entries_.end() ? nullptr : &it->second;
}

bool FactoryServices::enabled(const std::string& module) {
  std::vector<int> flags;
  std::string m = module;
  session_ << "SELECT enabled FROM factory_modules WHERE factory_id = $1 AND module = $2", bind(factoryId_), use(m),
      into(flags), now;
  return !flags.empty() && flags[0] != 0;
}

sdk::Service* FactoryServices::findService(const std::string& name, int version) {
  const auto* entry = directory_.find(name, version);
  if (!entry || !enabled(entry->module->name)) return nullptr;
  return entry->instance;
}

sdk::Service& FactoryServices::requireService(const std::string& name, int version, const std::string& provider) {
  const auto* entry = directory_.find(name, version);
  if (!entry) throw sdk::Error(sdk::codes::kBadRequest, sdk::messages::serviceNotInstalled(provider, name, version));
  if (!enabled(entry->module->name)) {
    throw sdk::Error(sdk::codes::kBadRequest, sdk::messages::moduleDisabled(entry->module->title));
  }
  return *entry->instance;
}

}  // namespace paynext::core::plugin_context
