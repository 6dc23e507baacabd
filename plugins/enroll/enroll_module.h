#pragma once
#include "paynext/sdk/module.h"

namespace paynext::plugins::enroll {

// 报名: admins publish enrollment projects (fee, capacity, deadline, form
// fields); a user applies with answers to the form (/enroll/apply) and pays
// the application as nextAction type 3 {type:3, id}, which takes a seat.
class EnrollModule : public sdk::Module {
 public:
  std::string name() const override { return "enroll"; }
  std::string title() const override { return "报名"; }
  std::string version() const override { return "1.0.0"; }
  std::vector<sdk::ActionType> actionTypes() override;
  std::vector<sdk::Migration> migrations() const override;
  std::vector<sdk::Route> routes() override;
};

}  // namespace paynext::plugins::enroll
