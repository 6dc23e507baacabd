#pragma once
#include "paynext/sdk/action_handler.h"

namespace paynext::plugins::imagetrade {

// nextAction type 11 支付图片交易订单 {type:11, id}: pays the caller's purchase
// record. In the step's transaction: the image is marked sold to the buyer
// (once: a second buyer's step fails and keeps its money), the buyer's wallet
// is debited the price and the seller's credited the price less commission.
class PayPurchaseHandler : public sdk::ActionHandler {
 public:
  sdk::Fen validate(sdk::ValidateContext& ctx) override;
  sdk::StepResult execute(sdk::ExecuteContext& ctx) override;
};

}  // namespace paynext::plugins::imagetrade
