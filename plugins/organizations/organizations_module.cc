#include "organizations_module.h"

#include <memory>

#include "admin_routes.h"
#include "create_organization_handler.h"
#include "upgrade_organization_handler.h"
#include "user_routes.h"

namespace paynext::plugins::organizations {

std::vector<sdk::ActionType> OrganizationsModule::actionTypes() {
  return {{16,
           "创建新组织",
           {{"priceId", "int", true, "后台设置的组织收费记录的 ID"},
            {"name", "string", true, "组织名称"},
            {"remark", "string", false, "组织备注"}},
           std::make_shared<CreateOrganizationHandler>()},
          {17,
           "升级组织规模",
           {{"organizeId", "int", true, "组织 ID(须为付款人创建的组织)"},
            {"priceId", "int", true, "后台设置的组织收费记录的 ID,人数上限须大于组织当前规模"}},
           std::make_shared<UpgradeOrganizationHandler>()}};
}

std::vector<sdk::Migration> OrganizationsModule::migrations() const {
  // One statement per version: Poco runs one statement per call.
  return {
      {1,
       "CREATE TABLE organizations_prices (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, name TEXT NOT NULL, "
       "member_cap INTEGER NOT NULL, days INTEGER NOT NULL, price INTEGER NOT NULL, on_sale INTEGER NOT NULL, "
       "created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)",
       "CREATE TABLE organizations_prices (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, name TEXT NOT NULL, "
       "member_cap BIGINT NOT NULL, days BIGINT NOT NULL, price BIGINT NOT NULL, on_sale BIGINT NOT NULL, "
       "created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)"},
      // reference: the creating step's, so a repeated step finds its organization.
      {2,
       "CREATE TABLE organizations_orgs (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, "
       "owner_id INTEGER NOT NULL, name TEXT NOT NULL, remark TEXT NOT NULL, price_id INTEGER NOT NULL, "
       "member_cap INTEGER NOT NULL, expires_at INTEGER NOT NULL, amount INTEGER NOT NULL, reference TEXT NOT NULL, "
       "created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, UNIQUE (factory_id, reference))",
       "CREATE TABLE organizations_orgs (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, "
       "owner_id BIGINT NOT NULL, name TEXT NOT NULL, remark TEXT NOT NULL, price_id BIGINT NOT NULL, "
       "member_cap BIGINT NOT NULL, expires_at BIGINT NOT NULL, amount BIGINT NOT NULL, reference TEXT NOT NULL, "
       "created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, UNIQUE (factory_id, reference))"},
      // The owner has a row too: the owner counts as a member.
      {3,
       "CREATE TABLE organizations_members (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, "
       "org_id INTEGER NOT NULL, user_id INTEGER NOT NULL, joined_at INTEGER NOT NULL, "
       "UNIQUE (factory_id, org_id, user_id))",
       "CREATE TABLE organizations_members (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, "
       "org_id BIGINT NOT NULL, user_id BIGINT NOT NULL, joined_at BIGINT NOT NULL, "
       "UNIQUE (factory_id, org_id, user_id))"},
      {4, "CREATE INDEX organizations_members_user ON organizations_members (factory_id, user_id, org_id)",
       "CREATE INDEX organizations_members_user ON organizations_members (factory_id, user_id, org_id)"},
      {5,
       "CREATE TABLE organizations_upgrades (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, "
       "org_id INTEGER NOT NULL, user_id INTEGER NOT NULL, from_price_id INTEGER NOT NULL, "
       "to_price_id INTEGER NOT NULL, member_cap INTEGER NOT NULL, amount INTEGER NOT NULL, "
       "expires_at INTEGER NOT NULL, reference TEXT NOT NULL, created_at INTEGER NOT NULL, "
       "UNIQUE (factory_id, reference))",
       "CREATE TABLE organizations_upgrades (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, "
       "org_id BIGINT NOT NULL, user_id BIGINT NOT NULL, from_price_id BIGINT NOT NULL, "
       "to_price_id BIGINT NOT NULL, member_cap BIGINT NOT NULL, amount BIGINT NOT NULL, "
       "expires_at BIGINT NOT NULL, reference TEXT NOT NULL, created_at BIGINT NOT NULL, "
       "UNIQUE (factory_id, reference))"},
  };
}

std::vector<sdk::Route> OrganizationsModule::routes() {
  std::vector<sdk::Route> all = userRoutes();
  for (auto& r : adminRoutes()) all.push_back(std::move(r));
  return all;
}

}  // namespace paynext::plugins::organizations
