#include "admin_routes.h"

#include <Poco/JSON/Array.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

#include "application_store.h"
#include "project_request.h"
#include "route_support.h"

namespace paynext::plugins::enroll {

namespace p = sdk::params;

namespace {

ProjectStore projects(sdk::RouteContext& ctx) {
  return ProjectStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
}

std::string projectNotFound(std::int64_t id) { return "报名项目 " + std::to_string(id) + " 不存在"; }

sdk::RouteResponse getProject(sdk::RouteContext& ctx) {
  const std::int64_t id = p::requirePositiveInt(*ctx.params, "id");
  const auto project = projects(ctx).find(id);
  if (!project) throw sdk::Error(sdk::codes::kNoData, projectNotFound(id));
  return sdk::RouteResponse::ok(toJson(*project));
}

sdk::RouteResponse listProjects(sdk::RouteContext& ctx) {
  if (p::has(*ctx.params, "id")) return getProject(ctx);
  const auto w = p::offsetWindow(*ctx.params);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& project : projects(ctx).list(false, w.offset, w.limit)) list->add(toJson(project));
  return sdk::RouteResponse::ok(list);
}

sdk::RouteResponse createProject(sdk::RouteContext& ctx) {
  return sdk::RouteResponse::ok(toJson(projects(ctx).create(projectFromParams(*ctx.params, false))));
}

sdk::RouteResponse replaceProject(sdk::RouteContext& ctx) {
  Project project = projectFromParams(*ctx.params, true);
  if (!projects(ctx).update(project)) throw sdk::Error(sdk::codes::kNoData, projectNotFound(project.id));
  return sdk::RouteResponse::ok(toJson(project));
}

Poco::JSON::Object::Ptr applicationJson(sdk::RouteContext& ctx, ProjectLookup& lookup, const Application& a) {
  return toAdminJson(a, lookup.title(a.projectId), lookup.fee(a.projectId), ctx.scope.users.find(a.userId));
}

sdk::RouteResponse getApplication(sdk::RouteContext& ctx) {
  const std::int64_t id = p::requirePositiveInt(*ctx.params, "id");
  const auto a = ApplicationStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock).find(id);
  if (!a) throw sdk::Error(sdk::codes::kNoData, "报名记录 " + std::to_string(id) + " 不存在");
  ProjectLookup lookup(ctx.scope);
  return sdk::RouteResponse::ok(applicationJson(ctx, lookup, *a));
}

sdk::RouteResponse listApplications(sdk::RouteContext& ctx) {
  if (p::has(*ctx.params, "id")) return getApplication(ctx);
  ApplicationFilter filter;
  filter.userId = p::optionalUser(*ctx.params, "userId", ctx.scope.users);
  if (p::has(*ctx.params, "projectId")) {
    filter.projectId = p::requirePositiveInt(*ctx.params, "projectId");
    if (!projects(ctx).find(filter.projectId)) throw sdk::Error(sdk::codes::kNoData, projectNotFound(filter.projectId));
  }
  filter.status = statusFilter(*ctx.params);
  const auto w = p::offsetWindow(*ctx.params);
  ProjectLookup lookup(ctx.scope);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& a :
       ApplicationStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock).list(filter, w.offset, w.limit)) {
    list->add(applicationJson(ctx, lookup, a));
  }
  return sdk::RouteResponse::ok(list);
}

}  // namespace

std::vector<sdk::Route> adminRoutes() {
  // One path per resource, so the console shows each as one section (it GETs every path without
  // params), under 模块设置 with its title.
  using sdk::Route;
  const auto admin = sdk::Audience::Admin;
  const std::string projects = "报名项目", applications = "报名记录";
  return {Route("GET", "/projects", admin, false, listProjects, projects),
          Route("POST", "/projects", admin, true, createProject, projects),
          Route("PUT", "/projects", admin, true, replaceProject, projects),
          Route("GET", "/applications", admin, false, listApplications, applications)};
}

}  // namespace paynext::plugins::enroll
