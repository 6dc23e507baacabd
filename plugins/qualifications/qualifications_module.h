#pragma once
#include "paynext/sdk/module.h"

namespace paynext::plugins::qualifications {

// 资格购买: the qualifications 社区团购团长 (type 12), 分销商 (type 13) and
// 合伙人团队长 (type 14), each priced by admins for some days or for good;
// paying grants it, or extends the one the user holds.
class QualificationsModule : public sdk::Module {
 public:
  std::string name() const override { return "qualifications"; }
  std::string title() const override { return "资格购买"; }
  std::string version() const override { return "1.0.0"; }
  std::vector<sdk::ActionType> actionTypes() override;
  std::vector<sdk::Migration> migrations() const override;
  std::vector<sdk::Route> routes() override;
};

}  // namespace paynext::plugins::qualifications
