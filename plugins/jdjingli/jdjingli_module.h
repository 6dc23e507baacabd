#pragma once
#include "paynext/sdk/module.h"

namespace paynext::plugins::jdjingli {

// 京东京励: JD pushes an order (signed with the factory's secret) to
// /jdjingli/order/push and is answered a token; a user pays the order as
// nextAction type 8 {type:8, token, couponId?}, after which JD's pay-result
// URL is told (the step's effect) and the order is marked paid.
class JdjingliModule : public sdk::Module {
 public:
  std::string name() const override { return "jdjingli"; }
  std::string title() const override { return "京东京励"; }
  std::string version() const override { return "1.0.0"; }
  std::vector<sdk::ActionType> actionTypes() override;
  std::vector<sdk::Migration> migrations() const override;
  std::vector<sdk::Route> routes() override;
  std::vector<sdk::Job> jobs() override;
};

}  // namespace paynext::plugins::jdjingli
