#pragma once
#include "paynext/sdk/module.h"

namespace hello {

// The nextAction type code of this module. Codes are shared by every plugin a
// server loads (0-23 and 2001 are taken): pick one no other module claims.
constexpr int kGreetType = 1000;

// A small module to start from:
//   type 1000, {type:1000, greeting:"你好"}: once the payment is confirmed,
//     records the greeting and debits the factory's fee (system parameter
//     hello.fee, in yuan) from the wallet
//   POST /{factory}/hello/greet (User): the logged-in user leaves a greeting
//   GET /admin/api/factories/{factory}/modules/hello/greetings (Admin): the
//     factory's greetings, newest first
class HelloModule : public paynext::sdk::Module {
 public:
  std::string name() const override { return "hello"; }
  std::string title() const override { return "示例模块"; }
  std::string version() const override { return "0.1.0"; }
  std::vector<paynext::sdk::ActionType> actionTypes() override;
  std::vector<paynext::sdk::Migration> migrations() const override;
  std::vector<paynext::sdk::Route> routes() override;
};

}  // namespace hello
