#include "admin_routes.h"

#include <map>

#include <Poco/JSON/Array.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

#include "course_request.h"
#include "enrollment_rules.h"
#include "status_param.h"

namespace paynext::plugins::courses {

namespace p = sdk::params;

namespace {

// The course an admin filters by, which must exist; 0 when not given.
std::int64_t optionalCourse(sdk::RouteContext& ctx) {
  if (!p::has(*ctx.params, "courseId")) return 0;
  CourseStore courses(ctx.scope);
  return requireCourse(courses, p::requirePositiveInt(*ctx.params, "courseId")).id;
}


sdk::RouteResponse listCourses(sdk::RouteContext& ctx) {
  const std::int64_t nowMs = ctx.scope.clock.nowMs();
  CourseStore courses(ctx.scope);
  if (p::has(*ctx.params, "id")) {
    return sdk::RouteResponse::ok(toJson(requireCourse(courses, p::requirePositiveInt(*ctx.params, "id")), nowMs));
  }
  const auto w = p::offsetWindow(*ctx.params);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& c : courses.list(false, w.offset, w.limit)) list->add(toJson(c, nowMs));
  return sdk::RouteResponse::ok(list);
}

sdk::RouteResponse createCourse(sdk::RouteContext& ctx) {
  return sdk::RouteResponse::ok(toJson(CourseStore(ctx.scope).create(courseFromParams(*ctx.params, false)), ctx.scope.clock.nowMs()));
}

sdk::RouteResponse replaceCourse(sdk::RouteContext& ctx) {
  Course course = courseFromParams(*ctx.params, true);
  CourseStore courses(ctx.scope);
  const Course before = requireCourse(courses, course.id);
  if (!courses.update(course)) {
    throw sdk::ParamError("seats", "参数 seats 不能少于已报名人数 " + std::to_string(before.seatsTaken));
  }
  return sdk::RouteResponse::ok(toJson(course, ctx.scope.clock.nowMs()));
}

sdk::RouteResponse listStudents(sdk::RouteContext& ctx) {
  const std::int64_t courseId = optionalCourse(ctx);
  const auto w = p::offsetWindow(*ctx.params);
  CourseStore courses(ctx.scope);
  std::map<std::int64_t, std::string> titles;
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& purchase : PurchaseStore(ctx.scope).list(0, courseId, kPaid, w.offset, w.limit)) {
    if (!titles.count(purchase.courseId)) {
      const auto course = courses.find(purchase.courseId);
      titles[purchase.courseId] = course ? course->title : "";
    }
    const auto user = ctx.scope.users.find(purchase.userId);
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    json->set("purchaseId", purchase.id);
    json->set("courseId", purchase.courseId);
    json->set("title", titles[purchase.courseId]);
    json->set("userId", purchase.userId);
    json->set("nickname", user ? user->nickname : "");
    json->set("mobile", user ? user->maskedMobile : "");
    json->set("amount", sdk::yuanNumber(purchase.amount));
    json->set("paidAt", purchase.paidAt);
    list->add(json);
  }
  return sdk::RouteResponse::ok(list);
}

sdk::RouteResponse listPurchases(sdk::RouteContext& ctx) {
  PurchaseStore purchases(ctx.scope);
  if (p::has(*ctx.params, "id")) {
    const std::int64_t id = p::requirePositiveInt(*ctx.params, "id");
    const auto purchase = purchases.find(id);
    if (!purchase) throw sdk::Error(sdk::codes::kNoData, "课程购买记录 " + std::to_string(id) + " 不存在");
    return sdk::RouteResponse::ok(toJson(*purchase));
  }
  const std::int64_t userId = p::optionalUser(*ctx.params, "userId", ctx.scope.users);
  const std::int64_t courseId = optionalCourse(ctx);
  const std::string status = statusParam(*ctx.params);
  const auto w = p::offsetWindow(*ctx.params);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& purchase : purchases.list(userId, courseId, status, w.offset, w.limit)) list->add(toJson(purchase));
  return sdk::RouteResponse::ok(list);
}

// What admins see each resource as, in the console's 模块设置.
std::string titleOf(const std::string& path) {
  if (path == "/courses") return "课程";
  if (path == "/students") return "已报名学员";
  return "课程购买记录";
}

sdk::Route adminRoute(const std::string& method, const std::string& path, bool writes,
                      sdk::RouteResponse (*handler)(sdk::RouteContext&)) {
  return sdk::Route(method, path, sdk::Audience::Admin, writes, handler, titleOf(path));
}

}  // namespace

std::vector<sdk::Route> adminRoutes() {
  // One path per resource, so the console shows each as one section (it GETs every path without params).
  return {adminRoute("GET", "/courses", false, listCourses), adminRoute("POST", "/courses", true, createCourse),
          adminRoute("PUT", "/courses", true, replaceCourse), adminRoute("GET", "/students", false, listStudents),
          adminRoute("GET", "/purchases", false, listPurchases)};
}

}  // namespace paynext::plugins::courses
