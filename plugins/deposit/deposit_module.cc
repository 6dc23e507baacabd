#include "deposit_module.h"

#include <memory>

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
  };
}

std::vector<sdk::Route> DepositModule::routes() { return depositRoutes(); }

}  // namespace paynext::plugins::deposit
