#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>
#include <Poco/JSON/Object.h>

#include "core/actions/next_action_limits.h"
#include "core/plugin_context/service_directory.h"
#include "core/plugin_host/module_registry.h"
#include "core/tenancy/factory_store.h"
#include "paynext/sdk/money.h"

namespace paynext::core::actions {

struct PlannedStep {
  int type = 0;
  std::string module;
  Poco::JSON::Object::Ptr params;  // as the client sent them, references unresolved
};

struct ChainPlan {
  std::vector<PlannedStep> steps;
  sdk::Fen needed = 0;     // what the steps will debit from the wallet in all
  std::string normalized;  // the chain as strict JSON, stored with the payment
};

// Checks a nextAction when a payment is created: every step's type, module
// (loaded and enabled for the factory), config references and params (by its
// plugin's validate). Throws sdk::Error with a message for the app user.
class ChainPlanner {
 public:
  ChainPlanner(const plugin_host::ModuleRegistry& registry, const plugin_context::ServiceDirectory& services,
               tenancy::FactoryStore& factories, NextActionLimits limits = {});

  ChainPlan plan(const tenancy::Factory& factory, std::int64_t userId, const std::string& nextAction,
                 Poco::Data::Session& session);

  // The steps of a stored chain, without validation (used at settlement).
  std::vector<PlannedStep> steps(const std::string& normalized) const;

 private:
  const plugin_host::LoadedModule& moduleFor(const tenancy::Factory& factory, int type, std::size_t index);

  const plugin_host::ModuleRegistry& registry_;
  const plugin_context::ServiceDirectory& services_;
  tenancy::FactoryStore& factories_;
  NextActionLimits limits_;
};

}  // namespace paynext::core::actions
