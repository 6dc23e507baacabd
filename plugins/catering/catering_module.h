#pragma once
#include "paynext/sdk/module.h"

namespace paynext::plugins::catering {

// 扫码点餐: admins keep a menu of dishes and the tables (each with the code
// printed on its QR); a user scans a table's code, opens an order there, adds
// dishes (/catering/...) and pays the bill as nextAction type 9, optionally
// with coupons of the coupons module; the kitchen sees open and paid orders.
class CateringModule : public sdk::Module {
 public:
  std::string name() const override { return "catering"; }
  std::string title() const override { return "扫码点餐"; }
  std::string version() const override { return "1.0.0"; }
  std::vector<sdk::ActionType> actionTypes() override;
  std::vector<sdk::Migration> migrations() const override;
  std::vector<sdk::Route> routes() override;
};

}  // namespace paynext::plugins::catering
