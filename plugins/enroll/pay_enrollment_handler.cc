#include "pay_enrollment_handler.h"

#include "paynext/sdk/errors.h"

#include "application_store.h"
#include "enroll_request.h"
#include "payability.h"
#include "project_store.h"

namespace paynext::plugins::enroll {

namespace {

const std::string kReason = "支付报名费";

Poco::JSON::Object::Ptr details(const Application& application, sdk::Fen amount) {
  Poco::JSON::Object::Ptr result = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  result->set("applicationId", application.id);
  result->set("projectId", application.projectId);
  result->set("amount", sdk::yuanNumber(amount));
  return result;
}

}  // namespace

sdk::Fen PayEnrollmentHandler::validate(sdk::ValidateContext& ctx) {
  const EnrollRequest request = EnrollRequest::parse(*ctx.params);
  const Application application = requireApplication(ctx.scope, request.applicationId);
  // What the step needs is the project's fee on record, never what the payment carries.
  return requirePayable(ctx.scope, application).fee;
}

sdk::StepResult PayEnrollmentHandler::execute(sdk::ExecuteContext& ctx) {
  sdk::Scope& scope = ctx.scope;
  try {
    const EnrollRequest request = EnrollRequest::parse(*ctx.params);
    const Application application = requireApplication(scope, request.applicationId);
    // Already paid by this very step (a repeated run): answer as before, change nothing.
    if (application.status == kPaid && application.reference == ctx.idempotencyKey) {
      return sdk::StepResult::done(details(application, application.amount));
    }
    const Project project = requirePayable(scope, application);
    // Conditional updates: whatever changed since validate (another payer took
    // the last seat, the deadline passed, the user cancelled) fails the step;
    // Fail rolls back what went before, so a seat is never taken for nothing.
    ProjectStore projects(scope.session, scope.factoryId, scope.clock);
    if (!projects.takeSeat(project.id)) {
      const auto now = projects.find(project.id);
      return sdk::StepResult::fail(now ? now->closedReason(scope.clock.nowMs()).value_or(project.named() + "名额已满")
                                       : project.named() + "名额已满");
    }
    ApplicationStore applications(scope.session, scope.factoryId, scope.clock);
    if (!applications.markPaid(application.userId, application.id, project.fee, ctx.idempotencyKey)) {
      const auto now = applications.find(application.id);
      return sdk::StepResult::fail(now ? unpayableReason(*now).value_or(application.named() + " 不能支付")
                                       : application.named() + " 不存在");
    }
    try {
      ctx.ledger.debit(project.fee, kReason, "enroll:" + ctx.idempotencyKey);
    } catch (const sdk::InsufficientFunds&) {
      return sdk::StepResult::fail("余额不足,支付报名费需要 " + sdk::formatYuan(project.fee) + " 元");
    }
    return sdk::StepResult::done(details(application, project.fee));
  } catch (const sdk::Error& e) {
    // A refusal here is permanent (the record or project changed): fail, the money stays in the wallet.
    return sdk::StepResult::fail(e.what());
  }
}

}  // namespace paynext::plugins::enroll
