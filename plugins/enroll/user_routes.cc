#include "user_routes.h"

#include <Poco/JSON/Array.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

#include "application_store.h"
#include "route_support.h"

namespace paynext::plugins::enroll {

namespace p = sdk::params;

namespace {

ProjectStore projects(sdk::RouteContext& ctx) {
  return ProjectStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
}
ApplicationStore applications(sdk::RouteContext& ctx) {
  return ApplicationStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
}

std::string projectNotFound(std::int64_t id) { return "报名项目 " + std::to_string(id) + " 不存在"; }
std::string applicationNotFound(std::int64_t id) { return "报名记录 " + std::to_string(id) + " 不存在"; }

// A project users may see: a stopped one is as good as gone.
Project requireVisibleProject(sdk::RouteContext& ctx, std::int64_t id) {
  auto project = projects(ctx).find(id);
  if (!project || !project->enabled) throw sdk::Error(sdk::codes::kNoData, projectNotFound(id));
  return *project;
}

sdk::RouteResponse listProjects(sdk::RouteContext& ctx) {
  const auto page = p::pageWindow(*ctx.params);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& project : projects(ctx).list(true, page.offset, page.limit)) list->add(toJson(project));
  return sdk::RouteResponse::list(list);
}

sdk::RouteResponse projectInfo(sdk::RouteContext& ctx) {
  return sdk::RouteResponse::ok(toJson(requireVisibleProject(ctx, p::requirePositiveInt(*ctx.params, "id"))));
}

sdk::RouteResponse apply(sdk::RouteContext& ctx) {
  const Project project = requireVisibleProject(ctx, p::requirePositiveInt(*ctx.params, "projectId"));
  if (auto reason = project.closedReason(ctx.scope.clock.nowMs())) {
    throw sdk::Error(sdk::codes::kBadRequest, *reason);
  }
  const Answers answers = answersFromParam(*ctx.params, "answers", project.fields);
  ApplicationStore store = applications(ctx);
  if (auto live = store.findLive(ctx.scope.userId, project.id)) {
    if (live->status == kPaid) {
      throw sdk::Error(sdk::codes::kBadRequest, "已报名「" + project.title + "」(" + live->named() + "),不能重复报名");
    }
    // One unpaid application per project: applying again corrects its answers.
    store.updateAnswers(ctx.scope.userId, live->id, answers);
    live->answers = answers;
    return sdk::RouteResponse::ok(toJson(*live, project.title, project.fee));
  }
  return sdk::RouteResponse::ok(toJson(store.create(ctx.scope.userId, project.id, answers), project.title, project.fee));
}

sdk::RouteResponse myApplications(sdk::RouteContext& ctx) {
  ApplicationFilter filter;
  filter.userId = ctx.scope.userId;
  filter.status = statusFilter(*ctx.params);
  if (p::has(*ctx.params, "projectId")) filter.projectId = p::requirePositiveInt(*ctx.params, "projectId");
  const auto page = p::pageWindow(*ctx.params);
  ProjectLookup lookup(ctx.scope);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& a : applications(ctx).list(filter, page.offset, page.limit)) {
    list->add(toJson(a, lookup.title(a.projectId), lookup.fee(a.projectId)));
  }
  return sdk::RouteResponse::list(list);
}

sdk::RouteResponse cancel(sdk::RouteContext& ctx) {
  const std::int64_t id = p::requirePositiveInt(*ctx.params, "id");
  ApplicationStore store = applications(ctx);
  auto application = store.findForUser(ctx.scope.userId, id);
  if (!application) throw sdk::Error(sdk::codes::kNoData, applicationNotFound(id));
  if (application->status == kCancelled) throw sdk::Error(sdk::codes::kBadRequest, application->named() + " 已取消");
  // Paid, or paid by a payment's step since it was read: the conditional update says which.
  if (application->status == kPaid || !store.cancel(ctx.scope.userId, id)) {
    throw sdk::Error(sdk::codes::kBadRequest, application->named() + " 已支付,不能取消");
  }
  application = store.findForUser(ctx.scope.userId, id);
  ProjectLookup lookup(ctx.scope);
  return sdk::RouteResponse::ok(toJson(*application, lookup.title(application->projectId), lookup.fee(application->projectId)));
}

}  // namespace

std::vector<sdk::Route> userRoutes() {
  using sdk::Audience;
  using sdk::Route;
  return {Route("*", "/enroll/projects", Audience::Public, false, listProjects),
          Route("*", "/enroll/project", Audience::Public, false, projectInfo),
          Route("POST", "/enroll/apply", Audience::User, true, apply),
          Route("*", "/enroll/my", Audience::User, false, myApplications),
          Route("POST", "/enroll/cancel", Audience::User, true, cancel)};
}

}  // namespace paynext::plugins::enroll
