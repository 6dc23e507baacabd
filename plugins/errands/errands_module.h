#pragma once
#include "paynext/sdk/module.h"

namespace paynext::plugins::errands {

// 跑腿: a user posts a task with a fee, pays it (nextAction type 20) to
// publish it, another user of the factory takes and delivers it, and the
// runner is paid the fee less the platform's commission when the poster
// confirms (or automatically some hours after delivery). Unpaid tasks expire;
// paid tasks nobody takes by their deadline are cancelled and refunded.
class ErrandsModule : public sdk::Module {
 public:
  std::string name() const override { return "errands"; }
  std::string title() const override { return "跑腿"; }
  std::string version() const override { return "1.0.0"; }
  std::vector<sdk::ActionType> actionTypes() override;
  std::vector<sdk::Migration> migrations() const override;
  std::vector<sdk::Route> routes() override;
  std::vector<sdk::Job> jobs() override;
};

}  // namespace paynext::plugins::errands
