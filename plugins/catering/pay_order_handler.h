#pragma once
#include "paynext/sdk/action_handler.h"

namespace paynext::plugins::catering {

// nextAction type 9 餐饮-扫码点餐-买单 {type:9, orderId:100001, couponId:"1,2"}:
// debits the order's total less the coupons, redeems the coupons and marks
// the order paid, in the step's transaction.
class PayOrderHandler : public sdk::ActionHandler {
 public:
  sdk::Fen validate(sdk::ValidateContext& ctx) override;
  sdk::StepResult execute(sdk::ExecuteContext& ctx) override;
};

}  // namespace paynext::plugins::catering
