#pragma once
#include "paynext/sdk/module.h"

namespace paynext::plugins::deposit {

// 押金: deposits frozen in the user's wallet, as nextAction type 5 after a
// payment or directly through /deposit/pay.
class DepositModule : public sdk::Module {
 public:
  std::string name() const override { return "deposit"; }
  std::string title() const override { return "押金"; }
  std::string version() const override { return "1.0.0"; }
  std::vector<sdk::ActionType> actionTypes() override;
  std::vector<sdk::Migration> migrations() const override;
  std::vector<sdk::Route> routes() override;
};

}  // namespace paynext::plugins::deposit
