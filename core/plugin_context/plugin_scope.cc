#include "core/plugin_context/plugin_scope.h"

#include <Poco/Logger.h>

namespace paynext::core::plugin_context {

PluginScope::PluginScope(const ServiceDirectory& services, Poco::Data::Session& session, std::int64_t factoryId,
                         const std::string& factoryName, std::int64_t userId, const std::string& module,
                         const std::string& origin)
    : config_(session, factoryId),
      users_(session, factoryId),
      wallets_(session, factoryId, users_, origin),
      services_(services, session, factoryId),
      scope_{factoryId, factoryName, userId, session, config_, Poco::Logger::get("paynext.plugin." + module),
             clock_,    users_,      wallets_, services_} {}

}  // namespace paynext::core::plugin_context
