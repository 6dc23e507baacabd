#include "user_routes.h"

#include <Poco/JSON/Array.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

#include "enrollment_rules.h"
#include "status_param.h"

namespace paynext::plugins::courses {

namespace p = sdk::params;

namespace {

sdk::RouteResponse listCourses(sdk::RouteContext& ctx) {
  const auto page = p::pageWindow(*ctx.params);
  const std::int64_t nowMs = ctx.scope.clock.nowMs();
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& c : CourseStore(ctx.scope).list(true, page.offset, page.limit)) list->add(toJson(c, nowMs));
  return sdk::RouteResponse::list(list);
}

sdk::RouteResponse courseDetail(sdk::RouteContext& ctx) {
  CourseStore courses(ctx.scope);
  return sdk::RouteResponse::ok(toJson(requireCourse(courses, p::requirePositiveInt(*ctx.params, "id")), ctx.scope.clock.nowMs()));
}

sdk::RouteResponse buy(sdk::RouteContext& ctx) {
  CourseStore courses(ctx.scope);
  PurchaseStore purchases(ctx.scope);
  const Course course = requireCourse(courses, p::requirePositiveInt(*ctx.params, "courseId"));
  requireNotEnrolled(purchases, ctx.scope.userId, course);
  requireOpen(course, ctx.scope.clock.nowMs());
  // Asking twice before paying gives the same record, so unpaid ones do not pile up.
  if (auto open = purchases.findUnpaid(ctx.scope.userId, course.id)) return sdk::RouteResponse::ok(toJson(*open, &course));
  return sdk::RouteResponse::ok(toJson(purchases.create(ctx.scope.userId, course.id), &course));
}

sdk::RouteResponse myPurchases(sdk::RouteContext& ctx) {
  const std::string status = statusParam(*ctx.params);
  const auto page = p::pageWindow(*ctx.params);
  CourseStore courses(ctx.scope);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  PurchaseStore purchases(ctx.scope);
  for (const auto& purchase : purchases.list(ctx.scope.userId, 0, status, page.offset, page.limit)) {
    const auto course = courses.find(purchase.courseId);
    list->add(toJson(purchase, course ? &*course : nullptr));
  }
  return sdk::RouteResponse::list(list);
}

sdk::RouteResponse myCourses(sdk::RouteContext& ctx) {
  const auto page = p::pageWindow(*ctx.params);
  const std::int64_t nowMs = ctx.scope.clock.nowMs();
  CourseStore courses(ctx.scope);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  PurchaseStore purchases(ctx.scope);
  for (const auto& purchase : purchases.list(ctx.scope.userId, 0, kPaid, page.offset, page.limit)) {
    const auto course = courses.find(purchase.courseId);
    if (!course) continue;
    Poco::JSON::Object::Ptr json = toJson(*course, nowMs);
    json->set("purchaseId", purchase.id);
    json->set("paidAt", purchase.paidAt);
    list->add(json);
  }
  return sdk::RouteResponse::list(list);
}

sdk::RouteResponse cancel(sdk::RouteContext& ctx) {
  const std::int64_t id = p::requirePositiveInt(*ctx.params, "id");
  PurchaseStore purchases(ctx.scope);
  auto purchase = purchases.findForUser(ctx.scope.userId, id);
  if (!purchase) throw sdk::Error(sdk::codes::kNoData, "课程购买记录 " + std::to_string(id) + " 不存在");
  requireUnpaid(*purchase);
  // Conditional: a step paying it meanwhile wins, and this answers as if it had come later.
  if (!purchases.cancel(id, ctx.scope.userId)) requireUnpaid(*purchases.findForUser(ctx.scope.userId, id));
  return sdk::RouteResponse::ok(toJson(*purchases.findForUser(ctx.scope.userId, id), nullptr));
}

}  // namespace

std::vector<sdk::Route> userRoutes() {
  using sdk::Audience;
  using sdk::Route;
  return {Route("*", "/courses/list", Audience::Public, false, listCourses),
          Route("*", "/courses/detail", Audience::Public, false, courseDetail),
          Route("POST", "/courses/buy", Audience::User, true, buy),
          Route("*", "/courses/my/purchases", Audience::User, false, myPurchases),
          Route("*", "/courses/my/courses", Audience::User, false, myCourses),
          Route("POST", "/courses/purchase/cancel", Audience::User, true, cancel)};
}

}  // namespace paynext::plugins::courses
