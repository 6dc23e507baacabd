#pragma once
#include "paynext/sdk/module.h"

namespace paynext::plugins::sms {

// 短信验证码: sends SMS through the factory's 短信设置 as nextAction type 2,
// and lets admins manage those settings.
class SmsModule : public sdk::Module {
 public:
  std::string name() const override { return "sms"; }
  std::string title() const override { return "短信验证码"; }
  std::string version() const override { return "1.0.0"; }
  std::vector<sdk::ActionType> actionTypes() override;
  std::vector<sdk::Migration> migrations() const override;
  std::vector<sdk::Route> routes() override;
};

}  // namespace paynext::plugins::sms
