#pragma once
#include "paynext/sdk/visibility.h"
#include <cstdint>
#include <optional>
#include <string>

namespace paynext::sdk {

// What a module may know of another user: enough to check an id it was
// given and to show who it is, nothing more.
struct UserInfo {
  std::int64_t id = 0;
  std::string nickname;      // may be empty
  std::string maskedMobile;  // "138****5678"
};

// Read-only look-up of the users of the caller's factory. A user of another
// factory is not found.
class PAYNEXT_SDK_API Users {
 public:
  virtual ~Users() = default;
  virtual std::optional<UserInfo> find(std::int64_t userId) = 0;
};

}  // namespace paynext::sdk
