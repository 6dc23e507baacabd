#pragma once
#include <cstdint>
#include <string>

#include <Poco/Data/Session.h>

#include "core/common/clock.h"
#include "core/plugin_context/service_directory.h"
#include "core/plugin_context/session_users.h"
#include "core/plugin_context/session_wallets.h"
#include "core/tenancy/factory_store.h"
#include "paynext/sdk/action_context.h"

namespace paynext::core::plugin_context {

// What the host hands every plugin call (validate, effect, execute, routes,
// jobs): one factory's parameters, clock, users, wallets and services, all
// bound to the caller's session. Built per call; not copyable, since the
// scope refers to its own members.
class PluginScope {
 public:
  // origin tags the wallet entries made through this scope (a step's key,
  // "job:<module>/<job>"), so the admin views can tell what moved the money.
  PluginScope(const ServiceDirectory& services, Poco::Data::Session& session, std::int64_t factoryId,
              const std::string& factoryName, std::int64_t userId, const std::string& module,
              const std::string& origin = "");
  PluginScope(const PluginScope&) = delete;
  PluginScope& operator=(const PluginScope&) = delete;

  sdk::Scope& scope() { return scope_; }
  // The wallet of the scope's user, a payer of one of the factory's
  // payments, so known to be there (SessionWallets::ofKnownUser).
  sdk::Ledger& payerLedger() { return wallets_.ofKnownUser(scope_.userId); }

 private:
  tenancy::SessionSystemParams config_;
  HostClock clock_;
  SessionUsers users_;
  SessionWallets wallets_;
  FactoryServices services_;
  sdk::Scope scope_;
};

}  // namespace paynext::core::plugin_context
