#pragma once
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>

#include <Poco/Data/Session.h>

#include "core/plugin_host/module_registry.h"
#include "paynext/sdk/service.h"

namespace paynext::core::plugin_context {

class DuplicateService : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Every service the loaded modules provide, by name and version. Built once
// at start-up from the registry; a service offered twice stops start-up.
class ServiceDirectory {
 public:
  struct Entry {
    const plugin_host::LoadedModule* module = nullptr;
    sdk::Service* instance = nullptr;
  };

  explicit ServiceDirectory(const plugin_host::ModuleRegistry& registry);
  const Entry* find(const std::string& name, int version) const;

 private:
  std::map<std::pair<std::string, int>, Entry> entries_;
};

// The directory as one factory sees it: only services of modules enabled
// there, checked through the caller's session.
class FactoryServices : public sdk::ServiceLocator {
 public:
  FactoryServices(const ServiceDirectory& directory, Poco::Data::Session& session, std::int64_t factoryId)
      : directory_(directory), session_(session), factoryId_(factoryId) {}

  sdk::Service* findService(const std::string& name, int version) override;
  sdk::Service& requireService(const std::string& name, int version, const std::string& provider) override;

 private:
  bool enabled(const std::string& module);

  const ServiceDirectory& directory_;
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
};

}  // namespace paynext::core::plugin_context
