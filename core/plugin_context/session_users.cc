#include "core/plugin_context/session_users.h"

#include <Poco/Data/Statement.h>

namespace paynext::core::plugin_context {

using namespace Poco::Data::Keywords;

std::string maskMobile(const std::string& mobile) {
  if (mobile.size() >= 7) return mobile.substr(0, 3) + "****" + mobile.substr(mobile.size() - 4);
  if (mobile.size() <= 2) return std::string(mobile.size(), '*');
  return std::string(mobile.size() - 2, '*') + mobile.substr(mobile.size() - 2);
}

std::optional<sdk::UserInfo> SessionUsers::find(std::int64_t userId) {
  std::vector<std::string> nick, mobile;
  session_ << "SELECT nick, mobile FROM users WHERE id = $1 AND factory_id = $2", bind(userId), bind(factoryId_),
      into(nick), into(mobile), now;
  if (nick.empty()) return std::nullopt;
  return sdk::UserInfo{userId, nick[0], maskMobile(mobile[0])};
}

}  // namespace paynext::core::plugin_context
