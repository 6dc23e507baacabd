#pragma once
#include <memory>

#include "paynext/sdk/module.h"

#include "coupons_service.h"

namespace paynext::plugins::coupons {

// 优惠券: admins keep coupon rules, users claim coupons of them with nextAction
// type 7, and other modules take them off their amounts through the coupons
// service this module provides.
class CouponsModule : public sdk::Module {
 public:
  std::string name() const override { return "coupons"; }
  std::string title() const override { return "优惠券"; }
  std::string version() const override { return "1.0.0"; }
  std::vector<sdk::ActionType> actionTypes() override;
  std::vector<sdk::Migration> migrations() const override;
  std::vector<sdk::Route> routes() override;
  std::vector<sdk::ProvidedService> services() override;

 private:
  std::shared_ptr<CouponsServiceImpl> service_ = std::make_shared<CouponsServiceImpl>();
};

}  // namespace paynext::plugins::coupons
