#include "deposit_module.h"

#include <memory>

#include "deposit_admin_routes.h"
#include "deposit_pay_handler.h"
#include "deposit_routes.h"

namespace paynext::plugins::deposit {

std::vector<sdk::ActionType> DepositModule::actionTypes() {
  return {{5,
           "支付押金",
           {{"amount", "money", true, "押金金额(元),大于 0"},
            {"refCode", "string", false, "业务编号"},
            {"remark", "string", false, "备注"},
            {"extJsonStr", "object", false, "扩展属性的 JSON 格式数据(JSON 对象或其字符串)"}},
           std::make_shared<DepositPayHandler>()}};
}

std::vector<sdk::Migration> DepositModule::migrations() const {
  // One statement per version: Poco runs one statement per call.
  return {
      {1,
       "CREATE TABLE deposit_deposits (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, "
       "user_id INTEGER NOT NULL, amount INTEGER NOT NULL, ref_code TEXT NOT NULL, remark TEXT NOT NULL, "
       "ext_json TEXT NOT NULL, status TEXT NOT NULL, reference TEXT NOT NULL, created_at INTEGER NOT NULL, "
       "UNIQUE (factory_id, reference))",
       "CREATE TABLE deposit_deposits (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, "
       "user_id BIGINT NOT NULL, amount BIGINT NOT NULL, ref_code TEXT NOT NULL, remark TEXT NOT NULL, "
       "ext_json TEXT NOT NULL, status TEXT NOT NULL, reference TEXT NOT NULL, created_at BIGINT NOT NULL, "
       "UNIQUE (factory_id, reference))"},
      {2, "CREATE INDEX deposit_deposits_user ON deposit_deposits (factory_id, user_id, id)",
       "CREATE INDEX deposit_deposits_user ON deposit_deposits (factory_id, user_id, id)"},
      // Release and forfeit (admin routes): what was kept, why, and when.
      {3, "ALTER TABLE deposit_deposits ADD COLUMN forfeited_amount INTEGER NOT NULL DEFAULT 0",
       "ALTER TABLE deposit_deposits ADD COLUMN forfeited_amount BIGINT NOT NULL DEFAULT 0"},
      {4, "ALTER TABLE deposit_deposits ADD COLUMN forfeit_reason TEXT NOT NULL DEFAULT ''",
       "ALTER TABLE deposit_deposits ADD COLUMN forfeit_reason TEXT NOT NULL DEFAULT ''"},
      {5, "ALTER TABLE deposit_deposits ADD COLUMN settled_at INTEGER NOT NULL DEFAULT 0",
       "ALTER TABLE deposit_deposits ADD COLUMN settled_at BIGINT NOT NULL DEFAULT 0"},
      // Deposits made before version 5 were all still frozen: they are held.
      {6, "UPDATE deposit_deposits SET status = 'HELD' WHERE status = 'FROZEN'",
       "UPDATE deposit_deposits SET status = 'HELD' WHERE status = 'FROZEN'"},
      {7, "CREATE INDEX deposit_deposits_status ON deposit_deposits (factory_id, status, id)",
       "CREATE INDEX deposit_deposits_status ON deposit_deposits (factory_id, status, id)"},
  };
}

std::vector<sdk::Route> DepositModule::routes() {
  auto routes = depositRoutes();
  for (auto& r : depositAdminRoutes()) routes.push_back(std::move(r));
  return routes;
}

}  // namespace paynext::plugins::deposit
