#pragma once
#include "paynext/sdk/visibility.h"
#include <memory>
#include <string>

#include "paynext/sdk/errors.h"

namespace paynext::sdk {

// A service one module provides to others: an interface declared in the SDK
// (see services/), found by name and version. An interface names itself:
//   static constexpr const char* kName = "coupons";
//   static constexpr int kVersion = 1;
//   static constexpr const char* kProvider = "优惠券 (coupons)";  // for messages
// A changed interface gets a new version (and the SDK a new ABI version);
// a provider may offer several versions side by side.
class PAYNEXT_SDK_API Service {
 public:
  virtual ~Service() = default;
};

// One service a module offers; the host keeps the instance alive as long as
// the module's library.
struct ProvidedService {
  std::string name;
  int version = 0;
  std::shared_ptr<Service> instance;
};

// The services visible to the caller's factory: those of loaded modules that
// are enabled for it.
class PAYNEXT_SDK_API ServiceLocator {
 public:
  virtual ~ServiceLocator() = default;

  // The interface T, e.g. find<services::CouponsService>(): nullptr when no
  // loaded module provides it or its module is off for this factory.
  template <typename T>
  T* find() {
    return dynamic_cast<T*>(findService(T::kName, T::kVersion));
  }
  // The same, or an Error naming the module to enable (or to install), for
  // validate() to refuse a payment that needs it.
  template <typename T>
  T& require() {
    auto* service = dynamic_cast<T*>(&requireService(T::kName, T::kVersion, T::kProvider));
    if (!service) throw Error(500, std::string("服务 ") + T::kName + " 的实现与接口不符");
    return *service;
  }

  virtual Service* findService(const std::string& name, int version) = 0;
  virtual Service& requireService(const std::string& name, int version, const std::string& provider) = 0;
};

}  // namespace paynext::sdk
