#pragma once
#include <cstdint>
#include <optional>

#include <Poco/Data/Session.h>

#include "paynext/sdk/users.h"

namespace paynext::core::plugin_context {

// "13812345678" -> "138****5678"; short numbers keep only their last two digits.
std::string maskMobile(const std::string& mobile);

// The users of one factory, read through the caller's session.
class SessionUsers : public sdk::Users {
 public:
  SessionUsers(Poco::Data::Session& session, std::int64_t factoryId) : session_(session), factoryId_(factoryId) {}
  std::optional<sdk::UserInfo> find(std::int64_t userId) override;

 private:
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
};

}  // namespace paynext::core::plugin_context
