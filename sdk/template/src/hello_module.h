#pragma once
#include "paynext/sdk/module.h"

namespace hello {

// Type 1000 records a greeting and takes nothing from the wallet; the route
// /hello/ping answers without a token where the module is enabled.
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
