#pragma once
#include "paynext/sdk/module.h"

namespace paynext::plugins::blindbox {

// 交友盲盒: a user writes a box (gender, intro, contact) and publishes it by
// paying nextAction type 22; users buy draws with type 21 and spend one per
// draw to see a random published box's contact.
class BlindboxModule : public sdk::Module {
 public:
  std::string name() const override { return "blindbox"; }
  std::string title() const override { return "交友盲盒"; }
  std::string version() const override { return "1.0.0"; }
  std::vector<sdk::ActionType> actionTypes() override;
  std::vector<sdk::Migration> migrations() const override;
  std::vector<sdk::Route> routes() override;
  std::vector<sdk::Job> jobs() override;
};

}  // namespace paynext::plugins::blindbox
