#include "admin_routes.h"

#include <Poco/JSON/Array.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

#include "payable_task.h"
#include "settings_store.h"
#include "status_filter.h"
#include "task_store.h"

namespace paynext::plugins::errands {

namespace p = sdk::params;

namespace {

// An optional integer setting within bounds, else the current value.
std::int64_t bounded(const Poco::JSON::Object& params, const std::string& name, std::int64_t current,
                     std::int64_t least, std::int64_t most) {
  const std::int64_t v = p::optionalInt(params, name).value_or(current);
  if (v < least || v > most) {
    throw p::invalid(name, std::to_string(least) + " 到 " + std::to_string(most) + " 之间的整数");
  }
  return v;
}

SettingsStore settingsOf(sdk::RouteContext& ctx) {
  return SettingsStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
}

sdk::RouteResponse getSettings(sdk::RouteContext& ctx) { return sdk::RouteResponse::ok(toJson(settingsOf(ctx).get())); }

sdk::RouteResponse putSettings(sdk::RouteContext& ctx) {
  const auto& params = *ctx.params;
  auto store = settingsOf(ctx);
  Settings s = store.get();
  s.minFee = p::optionalMoney(params, "minFee").value_or(s.minFee);
  if (s.minFee <= 0) throw p::invalid("minFee", "大于 0 的金额");
  s.commissionPercent = bounded(params, "commissionPercent", s.commissionPercent, 0, 100);
  s.autoConfirmHours = bounded(params, "autoConfirmHours", s.autoConfirmHours, 1, 720);
  s.unpaidExpiryMinutes = bounded(params, "unpaidExpiryMinutes", s.unpaidExpiryMinutes, 1, 10080);
  store.save(s);
  return sdk::RouteResponse::ok(toJson(store.get()));
}

std::int64_t idFilter(const Poco::JSON::Object& params, const std::string& name) {
  return p::has(params, name) ? p::requirePositiveInt(params, name) : 0;
}

sdk::RouteResponse listTasks(sdk::RouteContext& ctx) {
  const auto& params = *ctx.params;
  const std::string status = statusFilter(params);
  const auto window = p::offsetWindow(params);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  TaskStore tasks(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  for (const auto& task :
       tasks.list(idFilter(params, "posterId"), idFilter(params, "runnerId"), status, window.offset, window.limit)) {
    auto json = toJson(task);
    json->set("paidReference", task.paidReference);
    list->add(json);
  }
  return sdk::RouteResponse::ok(list);
}

sdk::RouteResponse taskInfo(sdk::RouteContext& ctx) {
  const std::int64_t id = p::requirePositiveInt(*ctx.params, "taskId");
  const auto task = TaskStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock).find(id);
  if (!task) throw sdk::Error(sdk::codes::kNoData, taskNotFound(id));
  auto json = toJson(*task);
  json->set("paidReference", task->paidReference);
  return sdk::RouteResponse::ok(json);
}

}  // namespace

std::vector<sdk::Route> adminRoutes() {
  using sdk::Audience;
  return {sdk::Route("GET", "/settings", Audience::Admin, false, getSettings, "跑腿设置"),
          sdk::Route("PUT", "/settings", Audience::Admin, true, putSettings, "跑腿设置"),
          sdk::Route("GET", "/tasks", Audience::Admin, false, listTasks, "跑腿任务"),
          sdk::Route("GET", "/task", Audience::Admin, false, taskInfo, "跑腿任务详情")};
}

}  // namespace paynext::plugins::errands
