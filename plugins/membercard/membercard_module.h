#pragma once
#include "paynext/sdk/module.h"

namespace paynext::plugins::membercard {

// 会员卡: admins keep member cards (price, days of validity, benefits); paying
// nextAction type 10 {type:10, id} issues the user that card with a card
// number of its own, or extends the user's card of it.
class MembercardModule : public sdk::Module {
 public:
  std::string name() const override { return "membercard"; }
  std::string title() const override { return "会员卡"; }
  std::string version() const override { return "1.0.0"; }
  std::vector<sdk::ActionType> actionTypes() override;
  std::vector<sdk::Migration> migrations() const override;
  std::vector<sdk::Route> routes() override;
};

}  // namespace paynext::plugins::membercard
