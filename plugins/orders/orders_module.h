#pragma once
#include "paynext/sdk/module.h"

namespace paynext::plugins::orders {

// 商城订单: admins keep a goods catalog; users order goods (priced from it)
// and pay the orders from their wallet, either through /order/pay or as
// nextAction type 0 after a payment credited the wallet; paying takes stock.
// Admins cancel a paid order: its stock and its money go back.
class OrdersModule : public sdk::Module {
 public:
  std::string name() const override { return "orders"; }
  std::string title() const override { return "商城订单"; }
  std::string version() const override { return "1.3.0"; }
  std::vector<sdk::ActionType> actionTypes() override;
  std::vector<sdk::Migration> migrations() const override;
  std::vector<sdk::Route> routes() override;
};

}  // namespace paynext::plugins::orders
