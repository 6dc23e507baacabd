#pragma once
#include <map>
#include <optional>
#include <string>

#include "paynext/sdk/system_params.h"

namespace paynext::sdk::testing {

// The factory's system parameters (系统参数配置) as a test sets them.
class MapSystemParams : public SystemParams {
 public:
  std::map<std::string, std::string> values;
  std::optional<std::string> get(const std::string& key) const override {
    auto it = values.find(key);
    if (it == values.end()) return std::nullopt;
    return it->second;
  }
};

}  // namespace paynext::sdk::testing
