#pragma once
#include "paynext/sdk/module.h"

namespace paynext::plugins::orders {

// 商城订单: users create orders and pay them from their wallet, either through
// /order/pay or as nextAction type 0 after a payment credited the wallet.
class OrdersModule : public sdk::Module {
 public:
  std::string name() const override { return "orders"; }
  std::string title() const override { return "商城订单"; }
  std::string version() const override { return "1.1.0"; }
  std::vector<sdk::ActionType> actionTypes() override;
  std::vector<sdk::Migration> migrations() const override;
  std::vector<sdk::Route> routes() override;
};

}  // namespace paynext::plugins::orders
