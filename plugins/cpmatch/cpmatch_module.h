#pragma once
#include "paynext/sdk/module.h"

namespace paynext::plugins::cpmatch {

// CP活动: admins publish activities with a fee, a schedule and a capacity
// (optionally split evenly between men and women); a user signs up stating a
// gender and nextAction type 23 pays the fee, which admits the user while a
// place is left; when the activity ends the job pair_ended pairs its admitted
// participants once, and each sees the match through /cpmatch/my/match.
class CpmatchModule : public sdk::Module {
 public:
  std::string name() const override { return "cpmatch"; }
  std::string title() const override { return "CP活动"; }
  std::string version() const override { return "1.0.0"; }
  std::vector<sdk::ActionType> actionTypes() override;
  std::vector<sdk::Migration> migrations() const override;
  std::vector<sdk::Route> routes() override;
  std::vector<sdk::Job> jobs() override;
};

}  // namespace paynext::plugins::cpmatch
