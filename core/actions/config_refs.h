#pragma once
#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

#include "core/actions/next_action_error.h"
#include "paynext/sdk/system_params.h"

namespace paynext::core::actions {

// A reference to a system parameter the factory has not configured.
class MissingConfigKey : public NextActionError {
 public:
  MissingConfigKey(const std::string& key, const std::string& field)
      : NextActionError("系统参数 " + key + " 未配置", field), key_(key) {}

  const std::string& key() const { return key_; }

 private:
  std::string key_;
};

// A value {from:"config", key:"K"} anywhere in a step's params (inside objects
// and arrays, at any depth) stands for the factory's system parameter K. An
// object whose "from" is not "config" is an ordinary value. The params object
// itself is never a reference.

// The referenced keys, each once, in the order the params iterate.
std::vector<std::string> collectConfigKeys(const Poco::JSON::Object::Ptr& params);

// A deep copy of params with every reference replaced by the parameter's
// string value. Throws MissingConfigKey, or NextActionError for a malformed
// reference.
Poco::JSON::Object::Ptr resolveConfigRefs(const Poco::JSON::Object::Ptr& params, const sdk::SystemParams& config);

}  // namespace paynext::core::actions
