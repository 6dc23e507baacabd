#pragma once
#include "paynext/sdk/action_handler.h"

namespace paynext::plugins::courses {

// nextAction type 15 支付购买课程订单 {type:15, id}: pays the caller's purchase
// record of a course (not the course: a course id is refused saying so). In
// the step's transaction the course's seat count goes up by one (only while a
// seat is left and the course has not started: of two payers racing for the
// last seat, one step fails and keeps its money), the record turns PAID and
// the wallet is debited the course's price.
class PayCourseHandler : public sdk::ActionHandler {
 public:
  sdk::Fen validate(sdk::ValidateContext& ctx) override;
  sdk::StepResult execute(sdk::ExecuteContext& ctx) override;
};

}  // namespace paynext::plugins::courses
