#pragma once
#include "paynext/sdk/module.h"

namespace paynext::plugins::shopbill {

// 优惠买单: admins keep shops and each shop's discount rule (满减 tiers, a
// percentage off, active dates); a user pays a bill at a shop as nextAction
// type 4 {type:4, shopId, money} with money the bill before the discount, and
// the step records the bill for the shop's totals.
class ShopbillModule : public sdk::Module {
 public:
  std::string name() const override { return "shopbill"; }
  std::string title() const override { return "优惠买单"; }
  std::string version() const override { return "1.0.0"; }
  std::vector<sdk::ActionType> actionTypes() override;
  std::vector<sdk::Migration> migrations() const override;
  std::vector<sdk::Route> routes() override;
};

}  // namespace paynext::plugins::shopbill
