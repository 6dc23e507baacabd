#pragma once
#include "paynext/sdk/visibility.h"
#include <optional>
#include <string>

namespace paynext::sdk {

// The factory's system parameters (系统参数配置), read-only for plugins.
class PAYNEXT_SDK_API SystemParams {
 public:
  virtual ~SystemParams() = default;
  virtual std::optional<std::string> get(const std::string& key) const = 0;
};

}  // namespace paynext::sdk
