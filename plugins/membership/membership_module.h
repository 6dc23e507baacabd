#pragma once
#include "paynext/sdk/module.h"

namespace paynext::plugins::membership {

// 会员: user levels bought for some days as nextAction type 6, extended or
// replaced by each purchase and optionally auto-renewed from the wallet.
class MembershipModule : public sdk::Module {
 public:
  std::string name() const override { return "membership"; }
  std::string title() const override { return "会员"; }
  std::string version() const override { return "1.0.0"; }
  std::vector<sdk::ActionType> actionTypes() override;
  std::vector<sdk::Migration> migrations() const override;
  std::vector<sdk::Route> routes() override;
  std::vector<sdk::Job> jobs() override;
};

}  // namespace paynext::plugins::membership
