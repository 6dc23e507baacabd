#pragma once
#include "paynext/sdk/module.h"

namespace paynext::plugins::organizations {

// 组织: admins keep price items (member cap, days, price); a user creates an
// organization with one (nextAction type 16) or moves one they own to a
// larger item (type 17); members join and leave within the cap.
class OrganizationsModule : public sdk::Module {
 public:
  std::string name() const override { return "organizations"; }
  std::string title() const override { return "组织"; }
  std::string version() const override { return "1.0.0"; }
  std::vector<sdk::ActionType> actionTypes() override;
  std::vector<sdk::Migration> migrations() const override;
  std::vector<sdk::Route> routes() override;
};

}  // namespace paynext::plugins::organizations
