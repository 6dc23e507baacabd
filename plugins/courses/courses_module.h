#pragma once
#include "paynext/sdk/module.h"

namespace paynext::plugins::courses {

// 课程: admins publish courses with a price, a number of seats and a
// schedule; a user makes a purchase record of a course and nextAction type 15
// pays it, which takes one of the course's seats and enrolls the user.
class CoursesModule : public sdk::Module {
 public:
  std::string name() const override { return "courses"; }
  std::string title() const override { return "课程"; }
  std::string version() const override { return "1.0.0"; }
  std::vector<sdk::ActionType> actionTypes() override;
  std::vector<sdk::Migration> migrations() const override;
  std::vector<sdk::Route> routes() override;
};

}  // namespace paynext::plugins::courses
