#pragma once
#include "paynext/sdk/module.h"

namespace paynext::plugins::addbell {

// 加钟: admins keep the services (服务项目) and open service orders for users
// at the front desk; a user lengthens a running order (/addbell/apply makes an
// add-bell record) and pays it as nextAction type 19, which moves the order's end.
class AddbellModule : public sdk::Module {
 public:
  std::string name() const override { return "addbell"; }
  std::string title() const override { return "加钟"; }
  std::string version() const override { return "1.0.0"; }
  std::vector<sdk::ActionType> actionTypes() override;
  std::vector<sdk::Migration> migrations() const override;
  std::vector<sdk::Route> routes() override;
  std::vector<sdk::Job> jobs() override;
};

}  // namespace paynext::plugins::addbell
