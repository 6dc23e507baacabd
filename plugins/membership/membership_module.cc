#include "membership_module.h"

#include <memory>

#include "admin_routes.h"
#include "auto_renew_job.h"
#include "buy_membership_handler.h"
#include "member_routes.h"

namespace paynext::plugins::membership {

std::vector<sdk::ActionType> MembershipModule::actionTypes() {
  return {{6,
           "购买会员",
           {{"userLevelPriceId", "int", true, "会员等级对应的价格项编号(不是会员等级编号)"},
            {"isAutoRenew", "bool", false, "到期后是否自动续期 true/false,价格项须支持自动续费"},
            {"remark", "string", false, "备注"}},
           std::make_shared<BuyMembershipHandler>()}};
}

std::vector<sdk::Migration> MembershipModule::migrations() const {
  // One statement per version: Poco runs one statement per call.
  return {
      {1,
       "CREATE TABLE membership_levels (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, name TEXT NOT NULL, "
       "description TEXT NOT NULL, created_at INTEGER NOT NULL)",
       "CREATE TABLE membership_levels (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, name TEXT NOT NULL, "
       "description TEXT NOT NULL, created_at BIGINT NOT NULL)"},
      {2,
       "CREATE TABLE membership_prices (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, level_id INTEGER NOT NULL, "
       "days INTEGER NOT NULL, price INTEGER NOT NULL, auto_renew INTEGER NOT NULL, enabled INTEGER NOT NULL, "
       "created_at INTEGER NOT NULL)",
       "CREATE TABLE membership_prices (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, level_id BIGINT NOT NULL, "
       "days BIGINT NOT NULL, price BIGINT NOT NULL, auto_renew BIGINT NOT NULL, enabled BIGINT NOT NULL, "
       "created_at BIGINT NOT NULL)"},
      {3,
       "CREATE TABLE membership_members (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, user_id INTEGER NOT NULL, "
       "level_id INTEGER NOT NULL, price_id INTEGER NOT NULL, expires_at INTEGER NOT NULL, auto_renew INTEGER NOT NULL, "
       "updated_at INTEGER NOT NULL, UNIQUE (factory_id, user_id))",
       "CREATE TABLE membership_members (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, user_id BIGINT NOT NULL, "
       "level_id BIGINT NOT NULL, price_id BIGINT NOT NULL, expires_at BIGINT NOT NULL, auto_renew BIGINT NOT NULL, "
       "updated_at BIGINT NOT NULL, UNIQUE (factory_id, user_id))"},
      {4,
       "CREATE TABLE membership_purchases (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, "
       "user_id INTEGER NOT NULL, level_id INTEGER NOT NULL, price_id INTEGER NOT NULL, days INTEGER NOT NULL, "
       "amount INTEGER NOT NULL, auto_renew INTEGER NOT NULL, remark TEXT NOT NULL, expires_at INTEGER NOT NULL, "
       "reference TEXT NOT NULL, created_at INTEGER NOT NULL, UNIQUE (factory_id, reference))",
       "CREATE TABLE membership_purchases (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, "
       "user_id BIGINT NOT NULL, level_id BIGINT NOT NULL, price_id BIGINT NOT NULL, days BIGINT NOT NULL, "
       "amount BIGINT NOT NULL, auto_renew BIGINT NOT NULL, remark TEXT NOT NULL, expires_at BIGINT NOT NULL, "
       "reference TEXT NOT NULL, created_at BIGINT NOT NULL, UNIQUE (factory_id, reference))"},
      {5,
       "CREATE TABLE membership_renewals (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, "
       "user_id INTEGER NOT NULL, level_id INTEGER NOT NULL, price_id INTEGER NOT NULL, amount INTEGER NOT NULL, "
       "status TEXT NOT NULL, reason TEXT NOT NULL, expires_at INTEGER NOT NULL, reference TEXT NOT NULL, "
       "created_at INTEGER NOT NULL, UNIQUE (factory_id, reference))",
       "CREATE TABLE membership_renewals (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, "
       "user_id BIGINT NOT NULL, level_id BIGINT NOT NULL, price_id BIGINT NOT NULL, amount BIGINT NOT NULL, "
       "status TEXT NOT NULL, reason TEXT NOT NULL, expires_at BIGINT NOT NULL, reference TEXT NOT NULL, "
       "created_at BIGINT NOT NULL, UNIQUE (factory_id, reference))"},
      // The job's scan: auto-renewing members by expiry.
      {6, "CREATE INDEX membership_members_due ON membership_members (factory_id, auto_renew, expires_at)",
       "CREATE INDEX membership_members_due ON membership_members (factory_id, auto_renew, expires_at)"},
  };
}

std::vector<sdk::Route> MembershipModule::routes() {
  auto all = memberRoutes();
  for (auto& r : adminRoutes()) all.push_back(std::move(r));
  return all;
}

std::vector<sdk::Job> MembershipModule::jobs() { return {autoRenewJob()}; }

}  // namespace paynext::plugins::membership
