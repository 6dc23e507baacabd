#pragma once
#include "paynext/sdk/action_handler.h"

namespace paynext::plugins::jdjingli {

// nextAction type 8 支付京东京励订单 {type:8, token:"...", couponId:9908}.
// effect: checks (reading only) that the order is still payable and tells
// JD's pay-result URL, retried while JD is unreachable or answers 5xx/429,
// failed when JD refuses. execute: checks again, redeems the coupon, marks the
// order paid under the step's key and debits what is due, in the step's
// transaction. See the README's "JD 京励" for why in this order.
class PayJdOrderHandler : public sdk::ActionHandler {
 public:
  sdk::Fen validate(sdk::ValidateContext& ctx) override;
  bool hasEffect() const override { return true; }
  sdk::StepResult effect(sdk::EffectContext& ctx) override;
  sdk::StepResult execute(sdk::ExecuteContext& ctx) override;
};

}  // namespace paynext::plugins::jdjingli
