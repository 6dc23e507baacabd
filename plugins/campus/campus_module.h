#pragma once
#include "paynext/sdk/module.h"

namespace paynext::plugins::campus {

// 校园卡套餐 (001): the campus-card package API. Users see the factory's
// packages, pay them through WeChat or Alipay (PayMoney opens the payment with
// nextAction type 2001), and the paid step activates the packages.
class CampusModule : public sdk::Module {
 public:
  std::string name() const override { return "campus"; }
  std::string title() const override { return "校园卡套餐"; }
  std::string version() const override { return "1.0.0"; }
  std::vector<sdk::ActionType> actionTypes() override;
  std::vector<sdk::Migration> migrations() const override;
  std::vector<sdk::Route> routes() override;
};

}  // namespace paynext::plugins::campus
