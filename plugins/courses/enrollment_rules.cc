#include "enrollment_rules.h"

#include "paynext/sdk/errors.h"

namespace paynext::plugins::courses {

namespace {

sdk::Error refused(const std::string& message) { return sdk::Error(sdk::codes::kBadRequest, message); }

}  // namespace

Course requireCourse(CourseStore& courses, std::int64_t id) {
  auto course = courses.find(id);
  if (!course) throw sdk::Error(sdk::codes::kNoData, "课程 " + std::to_string(id) + " 不存在");
  return *course;
}

void requireOpen(const Course& course, std::int64_t nowMs) {
  if (!course.onSale) throw refused(course.named() + "已下架");
  if (course.started(nowMs)) throw refused(course.named() + "已开课,不能再购买");
  if (course.seatsLeft() == 0) throw refused(course.named() + "名额已满");
}

void requireNotEnrolled(PurchaseStore& purchases, std::int64_t userId, const Course& course) {
  if (purchases.enrolled(userId, course.id)) throw refused("您已报名" + course.named() + ",不能重复购买");
}

void requireUnpaid(const Purchase& purchase) {
  if (purchase.status == kPaid) throw refused(purchase.named() + " 已支付");
  if (purchase.status == kCancelled) throw refused(purchase.named() + " 已取消");
}

}  // namespace paynext::plugins::courses
