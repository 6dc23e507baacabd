#include "core/actions/chain_planner.h"

#include <sstream>

#include <Poco/JSON/Stringifier.h>
#include <Poco/Logger.h>

#include "core/actions/action_catalog.h"
#include "core/actions/chain_spec.h"
#include "core/actions/config_refs.h"
#include "core/actions/next_action_error.h"
#include "core/actions/next_action_parser.h"
#include "core/plugin_context/plugin_scope.h"
#include "paynext/sdk/errors.h"
#include "paynext/sdk/messages.h"

namespace paynext::core::actions {

namespace {

sdk::Error refused(const std::string& message) { return sdk::Error(sdk::codes::kBadRequest, message); }

std::string stepLabel(std::size_t index) { return "nextAction 第 " + std::to_string(index + 1) + " 步"; }

std::string toJson(const Poco::JSON::Object::Ptr& object) {
  std::ostringstream out;
  Poco::JSON::Stringifier::condense(object, out);
  return out.str();
}

}  // namespace

ChainPlanner::ChainPlanner(const plugin_host::ModuleRegistry& registry,
                           const plugin_context::ServiceDirectory& services, tenancy::FactoryStore& factories,
                           NextActionLimits limits)
    : registry_(registry), services_(services), factories_(factories), limits_(limits) {}

const plugin_host::LoadedModule& ChainPlanner::moduleFor(const tenancy::Factory& factory, int type,
                                                         std::size_t index) {
  const plugin_host::LoadedModule* module = registry_.byType(type);
  if (!module) {
    const std::string title = documentedActionTitle(type);
    if (!title.empty()) {
      throw refused(stepLabel(index) + ":type " + std::to_string(type) + "(" + title + ")的模块未安装");
    }
    throw refused(stepLabel(index) + ":不支持的 type " + std::to_string(type));
  }
  if (!factories_.moduleEnabled(factory.id, module->name)) {
    throw refused(stepLabel(index) + ":" + sdk::messages::moduleDisabled(module->title));
  }
  return *module;
}

ChainPlan ChainPlanner::plan(const tenancy::Factory& factory, std::int64_t userId, const std::string& nextAction,
                             Poco::Data::Session& session) {
  ChainPlan plan;
  if (nextAction.empty()) return plan;
  std::vector<StepSpec> specs;
  Poco::JSON::Object::Ptr root;
  try {
    root = parseNextAction(nextAction, limits_);
    specs = flattenChain(root, limits_);
  } catch (const NextActionError& e) {
    throw refused(e.what());
  }
  tenancy::SessionSystemParams config(session, factory.id);
  for (std::size_t i = 0; i < specs.size(); ++i) {
    const auto& module = moduleFor(factory, specs[i].type, i);
    Poco::JSON::Object::Ptr resolved;
    try {
      resolved = resolveConfigRefs(specs[i].params, config);
    } catch (const NextActionError& e) {
      throw refused(stepLabel(i) + ":" + e.what());
    }
    const sdk::ActionType* type = registry_.actionType(specs[i].type);
    plugin_context::PluginScope scope(services_, session, factory.id, factory.name, userId, module.name);
    sdk::ValidateContext ctx{scope.scope(), resolved};
    try {
      const sdk::Fen needed = type->handler->validate(ctx);
      if (needed < 0) throw std::runtime_error("negative amount");
      plan.needed += needed;
    } catch (const sdk::Error& e) {
      throw sdk::Error(e.code(), stepLabel(i) + ":" + e.what());
    } catch (const std::exception& e) {
      Poco::Logger::get("paynext.actions").error("module %s failed to validate type %d: %s", module.name,
                                                 specs[i].type, std::string(e.what()));
      throw refused(stepLabel(i) + ":模块「" + module.title + "」校验出错");
    }
    plan.steps.push_back({specs[i].type, module.name, specs[i].params});
  }
  plan.normalized = toJson(root);
  return plan;
}

std::vector<PlannedStep> ChainPlanner::steps(const std::string& normalized) const {
  std::vector<PlannedStep> out;
  if (normalized.empty()) return out;
  // Quoting keys may have made the stored text longer than the client's.
  NextActionLimits stored = limits_;
  stored.maxBytes *= 2;
  for (auto& spec : flattenChain(parseNextAction(normalized, stored), stored)) {
    const auto* module = registry_.byType(spec.type);
    out.push_back({spec.type, module ? module->name : std::string(), spec.params});
  }
  return out;
}

}  // namespace paynext::core::actions
