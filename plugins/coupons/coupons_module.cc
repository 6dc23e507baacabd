#include "coupons_module.h"

#include "admin_routes.h"
#include "claim_coupon_handler.h"
#include "user_routes.h"

namespace paynext::plugins::coupons {

std::vector<sdk::ActionType> CouponsModule::actionTypes() {
  return {{7,
           "领取指定的优惠券",
           {{"couponRuleId", "int", true, "优惠券规则 id"},
            {"pwd", "string", false, "口令;口令优惠券必填"}},
           std::make_shared<ClaimCouponHandler>()}};
}

std::vector<sdk::Migration> CouponsModule::migrations() const {
  // One statement per version: Poco runs one statement per call.
  return {
      {1,
       "CREATE TABLE coupons_rules (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, name TEXT NOT NULL, "
       "kind TEXT NOT NULL, money INTEGER NOT NULL, rate INTEGER NOT NULL, min_amount INTEGER NOT NULL, "
       "date_start INTEGER NOT NULL, date_end INTEGER NOT NULL, valid_days INTEGER NOT NULL, stock INTEGER NOT NULL, "
       "issued INTEGER NOT NULL, per_user INTEGER NOT NULL, pwd TEXT NOT NULL, price INTEGER NOT NULL, "
       "enabled INTEGER NOT NULL, created_at INTEGER NOT NULL)",
       "CREATE TABLE coupons_rules (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, name TEXT NOT NULL, "
       "kind TEXT NOT NULL, money BIGINT NOT NULL, rate INTEGER NOT NULL, min_amount BIGINT NOT NULL, "
       "date_start BIGINT NOT NULL, date_end BIGINT NOT NULL, valid_days INTEGER NOT NULL, stock BIGINT NOT NULL, "
       "issued BIGINT NOT NULL, per_user BIGINT NOT NULL, pwd TEXT NOT NULL, price BIGINT NOT NULL, "
       "enabled INTEGER NOT NULL, created_at BIGINT NOT NULL)"},
      {2,
       "CREATE TABLE coupons_issued (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, rule_id INTEGER NOT NULL, "
       "user_id INTEGER NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, money INTEGER NOT NULL, "
       "rate INTEGER NOT NULL, min_amount INTEGER NOT NULL, starts_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, "
       "status TEXT NOT NULL, grant_reference TEXT NOT NULL, used_reference TEXT NOT NULL, used_at INTEGER NOT NULL, "
       "created_at INTEGER NOT NULL, UNIQUE (factory_id, grant_reference))",
       "CREATE TABLE coupons_issued (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, rule_id BIGINT NOT NULL, "
       "user_id BIGINT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, money BIGINT NOT NULL, "
       "rate INTEGER NOT NULL, min_amount BIGINT NOT NULL, starts_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, "
       "status TEXT NOT NULL, grant_reference TEXT NOT NULL, used_reference TEXT NOT NULL, used_at BIGINT NOT NULL, "
       "created_at BIGINT NOT NULL, UNIQUE (factory_id, grant_reference))"},
      {3, "CREATE INDEX coupons_issued_user ON coupons_issued (factory_id, user_id, rule_id)",
       "CREATE INDEX coupons_issued_user ON coupons_issued (factory_id, user_id, rule_id)"},
      {4, "CREATE INDEX coupons_issued_used ON coupons_issued (factory_id, used_reference)",
       "CREATE INDEX coupons_issued_used ON coupons_issued (factory_id, used_reference)"},
      {5,
       "CREATE TABLE coupons_redemptions (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, "
       "reference TEXT NOT NULL, user_id INTEGER NOT NULL, amount INTEGER NOT NULL, discount INTEGER NOT NULL, "
       "coupon_ids TEXT NOT NULL, created_at INTEGER NOT NULL, UNIQUE (factory_id, reference))",
       "CREATE TABLE coupons_redemptions (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, "
       "reference TEXT NOT NULL, user_id BIGINT NOT NULL, amount BIGINT NOT NULL, discount BIGINT NOT NULL, "
       "coupon_ids TEXT NOT NULL, created_at BIGINT NOT NULL, UNIQUE (factory_id, reference))"},
  };
}

std::vector<sdk::Route> CouponsModule::routes() {
  auto routes = userRoutes();
  for (auto& r : adminRoutes()) routes.push_back(std::move(r));
  return routes;
}

std::vector<sdk::ProvidedService> CouponsModule::services() {
  return {{sdk::services::CouponsService::kName, sdk::services::CouponsService::kVersion, service_}};
}

}  // namespace paynext::plugins::coupons
