#include "shopbill_module.h"

#include <memory>

#include "admin_routes.h"
#include "pay_bill_handler.h"
#include "user_routes.h"

namespace paynext::plugins::shopbill {

std::vector<sdk::ActionType> ShopbillModule::actionTypes() {
  return {{4,
           "优惠买单",
           {{"shopId", "int", true, "门店 id,买单金额按门店统计"},
            {"money", "money", true, "本次消费金额(元),填写优惠前的金额,不要填写优惠后的金额"}},
           std::make_shared<PayBillHandler>()}};
}

std::vector<sdk::Migration> ShopbillModule::migrations() const {
  // One statement per version: Poco runs one statement per call.
  return {
      // tiers: "threshold:off,..." in fen; dates epoch ms, 0 = open-ended.
      {1,
       "CREATE TABLE shopbill_shops (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, name TEXT NOT NULL, "
       "enabled INTEGER NOT NULL, percent_off INTEGER NOT NULL, tiers TEXT NOT NULL, date_start INTEGER NOT NULL, "
       "date_end INTEGER NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)",
       "CREATE TABLE shopbill_shops (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, name TEXT NOT NULL, "
       "enabled INTEGER NOT NULL, percent_off INTEGER NOT NULL, tiers TEXT NOT NULL, date_start BIGINT NOT NULL, "
       "date_end BIGINT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)"},
      {2, "CREATE INDEX shopbill_shops_factory ON shopbill_shops (factory_id, id)",
       "CREATE INDEX shopbill_shops_factory ON shopbill_shops (factory_id, id)"},
      // One bill per step: a repeated step finds it by its key.
      {3,
       "CREATE TABLE shopbill_bills (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, shop_id INTEGER NOT NULL, "
       "shop_name TEXT NOT NULL, user_id INTEGER NOT NULL, bill INTEGER NOT NULL, discount INTEGER NOT NULL, "
       "paid INTEGER NOT NULL, day TEXT NOT NULL, created_at INTEGER NOT NULL, step_key TEXT NOT NULL, "
       "UNIQUE (factory_id, step_key))",
       "CREATE TABLE shopbill_bills (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, shop_id BIGINT NOT NULL, "
       "shop_name TEXT NOT NULL, user_id BIGINT NOT NULL, bill BIGINT NOT NULL, discount BIGINT NOT NULL, "
       "paid BIGINT NOT NULL, day TEXT NOT NULL, created_at BIGINT NOT NULL, step_key TEXT NOT NULL, "
       "UNIQUE (factory_id, step_key))"},
      {4, "CREATE INDEX shopbill_bills_shop_day ON shopbill_bills (factory_id, shop_id, day)",
       "CREATE INDEX shopbill_bills_shop_day ON shopbill_bills (factory_id, shop_id, day)"},
      {5, "CREATE INDEX shopbill_bills_user ON shopbill_bills (factory_id, user_id, id)",
       "CREATE INDEX shopbill_bills_user ON shopbill_bills (factory_id, user_id, id)"},
  };
}

std::vector<sdk::Route> ShopbillModule::routes() {
  std::vector<sdk::Route> all = userRoutes();
  for (auto& r : adminRoutes()) all.push_back(std::move(r));
  return all;
}

}  // namespace paynext::plugins::shopbill
