#include "campus_module.h"

#include <memory>

#include "activate_handler.h"
#include "admin_routes.h"
#include "mobile_routes.h"

namespace paynext::plugins::campus {

std::vector<sdk::ActionType> CampusModule::actionTypes() {
  return {{ActivateHandler::kType,
           "开通校园卡套餐",
           {{"itemIDs", "ids", true, "套餐 id(如 \"10000001\"),多个用英文逗号分隔,须为同一类型"},
            {"payType", "int", true, "0 正常购买(当前有效期结束后接续),1 升级(立即结束同类型的有效套餐),2 续费"},
            {"empName", "string", false, "付款人姓名,没有校园卡信息时显示"}},
           std::make_shared<ActivateHandler>()}};
}

std::vector<sdk::Migration> CampusModule::migrations() const {
  // One statement per version: Poco runs one statement per call. Times are ms since the epoch.
  return {
      {1,
       "CREATE TABLE campus_settings (factory_id INTEGER PRIMARY KEY, project_name TEXT NOT NULL, "
       "project_description TEXT NOT NULL, select_type INTEGER NOT NULL, qr_code TEXT NOT NULL, "
       "protocol_url TEXT NOT NULL, wx_account TEXT NOT NULL, alipay_account TEXT NOT NULL, "
       "union_pay_account TEXT NOT NULL)",
       "CREATE TABLE campus_settings (factory_id BIGINT PRIMARY KEY, project_name TEXT NOT NULL, "
       "project_description TEXT NOT NULL, select_type BIGINT NOT NULL, qr_code TEXT NOT NULL, "
       "protocol_url TEXT NOT NULL, wx_account TEXT NOT NULL, alipay_account TEXT NOT NULL, "
       "union_pay_account TEXT NOT NULL)"},
      {2,
       "CREATE TABLE campus_packages (factory_id INTEGER NOT NULL, id TEXT NOT NULL, type INTEGER NOT NULL, "
       "item_name TEXT NOT NULL, item_price TEXT NOT NULL, price INTEGER NOT NULL, duration_days INTEGER NOT NULL, "
       "description TEXT NOT NULL, for_buy INTEGER NOT NULL, for_upgrade INTEGER NOT NULL, enabled INTEGER NOT NULL, "
       "PRIMARY KEY (factory_id, id))",
       "CREATE TABLE campus_packages (factory_id BIGINT NOT NULL, id TEXT NOT NULL, type BIGINT NOT NULL, "
       "item_name TEXT NOT NULL, item_price TEXT NOT NULL, price BIGINT NOT NULL, duration_days BIGINT NOT NULL, "
       "description TEXT NOT NULL, for_buy BIGINT NOT NULL, for_upgrade BIGINT NOT NULL, enabled BIGINT NOT NULL, "
       "PRIMARY KEY (factory_id, id))"},
      {3,
       "CREATE TABLE campus_package_details (factory_id INTEGER NOT NULL, package_id TEXT NOT NULL, "
       "position INTEGER NOT NULL, icon TEXT NOT NULL, title TEXT NOT NULL, content TEXT NOT NULL, "
       "PRIMARY KEY (factory_id, package_id, position))",
       "CREATE TABLE campus_package_details (factory_id BIGINT NOT NULL, package_id TEXT NOT NULL, "
       "position BIGINT NOT NULL, icon TEXT NOT NULL, title TEXT NOT NULL, content TEXT NOT NULL, "
       "PRIMARY KEY (factory_id, package_id, position))"},
      {4,
       "CREATE TABLE campus_card_holders (factory_id INTEGER NOT NULL, user_id INTEGER NOT NULL, "
       "emp_name TEXT NOT NULL, photo TEXT NOT NULL, card_no TEXT NOT NULL, imei TEXT NOT NULL, sim TEXT NOT NULL, "
       "grade_name TEXT NOT NULL, class_name TEXT NOT NULL, mobile TEXT NOT NULL, PRIMARY KEY (factory_id, user_id))",
       "CREATE TABLE campus_card_holders (factory_id BIGINT NOT NULL, user_id BIGINT NOT NULL, "
       "emp_name TEXT NOT NULL, photo TEXT NOT NULL, card_no TEXT NOT NULL, imei TEXT NOT NULL, sim TEXT NOT NULL, "
       "grade_name TEXT NOT NULL, class_name TEXT NOT NULL, mobile TEXT NOT NULL, PRIMARY KEY (factory_id, user_id))"},
      {5,
       "CREATE TABLE campus_records (factory_id INTEGER NOT NULL, id TEXT NOT NULL, user_id INTEGER NOT NULL, "
       "package_id TEXT NOT NULL, item_name TEXT NOT NULL, package_type INTEGER NOT NULL, pay_type INTEGER NOT NULL, "
       "out_trade_id TEXT NOT NULL, emp_name TEXT NOT NULL, start_at INTEGER NOT NULL, end_at INTEGER NOT NULL, "
       "idempotency_key TEXT NOT NULL, created_at INTEGER NOT NULL, PRIMARY KEY (factory_id, id))",
       "CREATE TABLE campus_records (factory_id BIGINT NOT NULL, id TEXT NOT NULL, user_id BIGINT NOT NULL, "
       "package_id TEXT NOT NULL, item_name TEXT NOT NULL, package_type BIGINT NOT NULL, pay_type BIGINT NOT NULL, "
       "out_trade_id TEXT NOT NULL, emp_name TEXT NOT NULL, start_at BIGINT NOT NULL, end_at BIGINT NOT NULL, "
       "idempotency_key TEXT NOT NULL, created_at BIGINT NOT NULL, PRIMARY KEY (factory_id, id))"},
      {6, "CREATE INDEX campus_records_user ON campus_records (factory_id, user_id, package_id, end_at)",
       "CREATE INDEX campus_records_user ON campus_records (factory_id, user_id, package_id, end_at)"},
      {7, "CREATE INDEX campus_records_payment ON campus_records (factory_id, out_trade_id)",
       "CREATE INDEX campus_records_payment ON campus_records (factory_id, out_trade_id)"},
      {8, "CREATE INDEX campus_records_step ON campus_records (factory_id, idempotency_key)",
       "CREATE INDEX campus_records_step ON campus_records (factory_id, idempotency_key)"},
      // Where Alipay WAP sends the browser (001's charge.extra).
      {9, "ALTER TABLE campus_settings ADD COLUMN success_url TEXT NOT NULL DEFAULT ''",
       "ALTER TABLE campus_settings ADD COLUMN success_url TEXT NOT NULL DEFAULT ''"},
      {10, "ALTER TABLE campus_settings ADD COLUMN cancel_url TEXT NOT NULL DEFAULT ''",
       "ALTER TABLE campus_settings ADD COLUMN cancel_url TEXT NOT NULL DEFAULT ''"},
  };
}

std::vector<sdk::Route> CampusModule::routes() {
  std::vector<sdk::Route> routes = {searchPayPackagesRoute(), payMoneyRoute(), searchSuccessDataRoute()};
  for (auto& r : adminRoutes()) routes.push_back(std::move(r));
  return routes;
}

}  // namespace paynext::plugins::campus
