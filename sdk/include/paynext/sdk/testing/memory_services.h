#pragma once
#include <map>
#include <memory>
#include <string>
#include <utility>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/messages.h"
#include "paynext/sdk/service.h"

namespace paynext::sdk::testing {

// Services other modules would provide, registered by the test (a fake, or
// the real module's instance), each with its module's title and whether that
// module is enabled; refusals are worded as the host words them.
class MemoryServices : public ServiceLocator {
 public:
  void provide(const std::string& name, int version, std::shared_ptr<Service> instance,
               std::string moduleTitle = "测试模块", bool enabled = true) {
    entries_[{name, version}] = Entry{std::move(instance), std::move(moduleTitle), enabled};
  }
  template <typename T>
  void provide(std::shared_ptr<T> instance, std::string moduleTitle = "测试模块", bool enabled = true) {
    provide(T::kName, T::kVersion, std::move(instance), std::move(moduleTitle), enabled);
  }
  void setEnabled(const std::string& name, int version, bool enabled) { entries_.at({name, version}).enabled = enabled; }

  Service* findService(const std::string& name, int version) override {
    auto it = entries_.find({name, version});
    return it == entries_.end() || !it->second.enabled ? nullptr : it->second.instance.get();
  }
  Service& requireService(const std::string& name, int version, const std::string& provider) override {
    auto it = entries_.find({name, version});
    if (it == entries_.end()) throw Error(codes::kBadRequest, messages::serviceNotInstalled(provider, name, version));
    if (!it->second.enabled) throw Error(codes::kBadRequest, messages::moduleDisabled(it->second.moduleTitle));
    return *it->second.instance;
  }

 private:
  struct Entry {
    std::shared_ptr<Service> instance;
    std::string moduleTitle;
    bool enabled = true;
  };
  std::map<std::pair<std::string, int>, Entry> entries_;
};

}  // namespace paynext::sdk::testing
