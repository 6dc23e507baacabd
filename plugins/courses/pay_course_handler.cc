#include "pay_course_handler.h"

#include "paynext/sdk/errors.h"

#include "enrollment_rules.h"
#include "pay_request.h"

namespace paynext::plugins::courses {

namespace {

const std::string kReason = "购买课程";

// The caller's purchase record named by the step's id. A course's id given
// instead is refused with a pointer to the purchase id.
Purchase requirePurchase(sdk::Scope& scope, std::int64_t id) {
  if (auto purchase = PurchaseStore(scope).findForUser(scope.userId, id)) {
    return *purchase;
  }
  if (CourseStore(scope).find(id)) {
    throw sdk::ParamError("id", "参数 id 应为购买课程的记录 id(由 /courses/buy 返回),不是课程的 id");
  }
  // Another user's record is reported as missing: its existence is not the caller's business.
  throw sdk::Error(sdk::codes::kNoData, "课程购买记录 " + std::to_string(id) + " 不存在");
}

// The course of a purchase that can be paid now, or the refusal saying why not.
Course requirePayable(sdk::Scope& scope, const Purchase& purchase) {
  requireUnpaid(purchase);
  CourseStore courses(scope);
  PurchaseStore purchases(scope);
  const Course course = requireCourse(courses, purchase.courseId);
  requireOpen(course, scope.clock.nowMs());
  requireNotEnrolled(purchases, purchase.userId, course);
  return course;
}

Poco::JSON::Object::Ptr details(const Purchase& purchase, sdk::Fen amount) {
  Poco::JSON::Object::Ptr result = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  result->set("purchaseId", purchase.id);
  result->set("courseId", purchase.courseId);
  result->set("amount", sdk::yuanNumber(amount));
  return result;
}

}  // namespace

sdk::Fen PayCourseHandler::validate(sdk::ValidateContext& ctx) {
  const Purchase purchase = requirePurchase(ctx.scope, PayRequest::parse(*ctx.params).purchaseId);
  // What the step needs is the course's price as admins set it, never what the payment carries.
  return requirePayable(ctx.scope, purchase).price;
}

sdk::StepResult PayCourseHandler::execute(sdk::ExecuteContext& ctx) {
  sdk::Scope& scope = ctx.scope;
  CourseStore courses(scope);
  PurchaseStore purchases(scope);
  Course course;
  try {
    const Purchase purchase = requirePurchase(scope, PayRequest::parse(*ctx.params).purchaseId);
    // Already paid by this very step (a repeated run): answer as before, change nothing.
    if (purchase.status == kPaid && purchase.reference == ctx.idempotencyKey) {
      return sdk::StepResult::done(details(purchase, purchase.amount));
    }
    // The record, the course or the seats may have changed since validate: ask again.
    course = requirePayable(scope, purchase);
    // Taking the seat first locks the course's row, so the checks below see
    // every step of this course committed before this one.
    if (!courses.takeSeat(course.id)) {
      requireOpen(requireCourse(courses, course.id), scope.clock.nowMs());
      return sdk::StepResult::fail(course.named() + "名额已满");
    }
    requireNotEnrolled(purchases, purchase.userId, course);
    if (!purchases.markPaid(purchase.id, purchase.userId, ctx.idempotencyKey, course.price)) {
      if (auto now = purchases.findForUser(purchase.userId, purchase.id)) requireUnpaid(*now);
      return sdk::StepResult::fail(purchase.named() + " 已不能支付");
    }
    ctx.ledger.debit(course.price, kReason, "courses:" + ctx.idempotencyKey);
    return sdk::StepResult::done(details(purchase, course.price));
  } catch (const sdk::InsufficientFunds&) {
    return sdk::StepResult::fail("余额不足,购买" + course.named() + "需要 " + sdk::formatYuan(course.price) + " 元");
  } catch (const sdk::Error& e) {
    // A refusal here is permanent (the record or the course changed): fail, the money stays in the wallet.
    return sdk::StepResult::fail(e.what());
  }
}

}  // namespace paynext::plugins::courses
