#include "user_routes.h"

#include <Poco/JSON/Array.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

#include "payable_task.h"
#include "settings_store.h"
#include "settlement.h"
#include "status_filter.h"
#include "task_request.h"
#include "task_store.h"

namespace paynext::plugins::errands {

namespace p = sdk::params;

namespace {

sdk::Route route(const std::string& method, const std::string& path, bool writes,
                 sdk::RouteResponse (*handler)(sdk::RouteContext&)) {
  return sdk::Route(method, path, sdk::Audience::User, writes, handler);
}

TaskStore tasksOf(sdk::RouteContext& ctx) { return TaskStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock); }
Settings settingsOf(sdk::RouteContext& ctx) {
  return SettingsStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock).get();
}

sdk::RouteResponse listOf(const std::vector<Task>& tasks) {
  // API工厂 answers an empty list with 700, which its client treats as "nothing yet".
  if (tasks.empty()) return sdk::RouteResponse::noData();
  Poco::JSON::Array::Ptr out = new Poco::JSON::Array;
  for (const auto& task : tasks) out->add(toJson(task));
  return sdk::RouteResponse::ok(out);
}

// The task named by taskId as the caller may see it: their own (posted or
// run), or one published for anyone to take.
Task visibleTask(sdk::RouteContext& ctx, TaskStore& tasks) {
  const std::int64_t id = p::requirePositiveInt(*ctx.params, "taskId");
  const auto task = tasks.find(id);
  const std::int64_t me = ctx.scope.userId;
  if (!task || (task->posterId != me && task->runnerId != me && task->status != kPublished)) {
    throw sdk::Error(sdk::codes::kNoData, taskNotFound(id));
  }
  return *task;
}

sdk::Error refused(const Task& task, const std::string& what) {
  return sdk::Error(sdk::codes::kBadRequest, "跑腿任务 " + std::to_string(task.id) + " 当前为「" +
                                                 statusLabel(task.status) + "」,不能" + what);
}

sdk::RouteResponse create(sdk::RouteContext& ctx) {
  Task task = TaskRequest::parse(*ctx.params, settingsOf(ctx), ctx.scope.clock.nowMs());
  task.posterId = ctx.scope.userId;
  return sdk::RouteResponse::ok(toJson(tasksOf(ctx).create(task)));
}

sdk::RouteResponse openTasks(sdk::RouteContext& ctx) {
  const auto page = p::pageWindow(*ctx.params);
  return listOf(tasksOf(ctx).open(ctx.scope.userId, page.offset, page.limit));
}

sdk::RouteResponse posted(sdk::RouteContext& ctx) {
  const auto page = p::pageWindow(*ctx.params);
  return listOf(tasksOf(ctx).list(ctx.scope.userId, 0, statusFilter(*ctx.params), page.offset, page.limit));
}

sdk::RouteResponse runs(sdk::RouteContext& ctx) {
  const auto page = p::pageWindow(*ctx.params);
  return listOf(tasksOf(ctx).list(0, ctx.scope.userId, statusFilter(*ctx.params), page.offset, page.limit));
}

sdk::RouteResponse info(sdk::RouteContext& ctx) {
  auto tasks = tasksOf(ctx);
  return sdk::RouteResponse::ok(toJson(visibleTask(ctx, tasks)));
}

sdk::RouteResponse take(sdk::RouteContext& ctx) {
  auto tasks = tasksOf(ctx);
  const std::int64_t id = p::requirePositiveInt(*ctx.params, "taskId");
  const auto found = tasks.find(id);
  // Others never see a task that was not published; a taken one they may be told about.
  if (!found || (found->posterId != ctx.scope.userId && (found->status == kUnpaid || found->status == kExpired))) {
    throw sdk::Error(sdk::codes::kNoData, taskNotFound(id));
  }
  const Task task = *found;
  if (task.posterId == ctx.scope.userId) throw sdk::Error(sdk::codes::kBadRequest, "不能接自己发布的跑腿任务");
  if (task.status != kPublished) throw refused(task, "接单");
  if (task.deadlineAt <= ctx.scope.clock.nowMs()) {
    throw sdk::Error(sdk::codes::kBadRequest, "跑腿任务 " + std::to_string(task.id) + " 已过接单截止时间");
  }
  // Conditional on PUBLISHED: of two takers, the second finds it taken.
  if (!tasks.take(task.id, ctx.scope.userId)) throw refused(*tasks.find(task.id), "接单");
  return sdk::RouteResponse::ok(toJson(*tasks.find(task.id)));
}

sdk::RouteResponse deliver(sdk::RouteContext& ctx) {
  auto tasks = tasksOf(ctx);
  const Task task = visibleTask(ctx, tasks);
  if (task.runnerId != ctx.scope.userId) throw sdk::Error(sdk::codes::kBadRequest, "只有接单人才能标记送达");
  if (!tasks.deliver(task.id, ctx.scope.userId)) throw refused(task, "标记送达");
  return sdk::RouteResponse::ok(toJson(*tasks.find(task.id)));
}

sdk::RouteResponse confirm(sdk::RouteContext& ctx) {
  auto tasks = tasksOf(ctx);
  const Task task = visibleTask(ctx, tasks);
  if (task.posterId != ctx.scope.userId) throw sdk::Error(sdk::codes::kBadRequest, "只有发布人才能确认送达");
  if (task.status != kDelivered) throw refused(task, "确认送达");
  return sdk::RouteResponse::ok(toJson(payRunner(ctx.scope, tasks, settingsOf(ctx), task)));
}

}  // namespace

std::vector<sdk::Route> userRoutes() {
  return {route("POST", "/errands/task/create", true, create), route("*", "/errands/tasks", false, openTasks),
          route("*", "/errands/task", false, info),            route("*", "/errands/my", false, posted),
          route("*", "/errands/runs", false, runs),            route("POST", "/errands/take", true, take),
          route("POST", "/errands/deliver", true, deliver),    route("POST", "/errands/confirm", true, confirm)};
}

}  // namespace paynext::plugins::errands
