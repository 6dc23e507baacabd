#include "membercard_module.h"

#include <memory>

#include "admin_routes.h"
#include "buy_card_handler.h"
#include "user_routes.h"

namespace paynext::plugins::membercard {

std::vector<sdk::ActionType> MembercardModule::actionTypes() {
  return {{10, "购买会员卡", {{"id", "int", true, "会员卡ID(管理员在 会员卡 中设置的卡种编号)"}},
           std::make_shared<BuyCardHandler>()}};
}

std::vector<sdk::Migration> MembercardModule::migrations() const {
  // One statement per version: Poco runs one statement per call.
  return {
      {1,
       "CREATE TABLE membercard_cards (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, name TEXT NOT NULL, "
       "price INTEGER NOT NULL, days INTEGER NOT NULL, benefits TEXT NOT NULL, on_sale INTEGER NOT NULL, "
       "created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)",
       "CREATE TABLE membercard_cards (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, name TEXT NOT NULL, "
       "price BIGINT NOT NULL, days BIGINT NOT NULL, benefits TEXT NOT NULL, on_sale INTEGER NOT NULL, "
       "created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)"},
      {2, "CREATE INDEX membercard_cards_factory ON membercard_cards (factory_id, id)",
       "CREATE INDEX membercard_cards_factory ON membercard_cards (factory_id, id)"},
      // One issued card per user and card kind: buying again extends it, the number stays.
      {3,
       "CREATE TABLE membercard_issued (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, "
       "user_id INTEGER NOT NULL, card_id INTEGER NOT NULL, number TEXT NOT NULL, issued_at INTEGER NOT NULL, "
       "valid_until INTEGER NOT NULL, updated_at INTEGER NOT NULL, UNIQUE (factory_id, user_id, card_id), "
       "UNIQUE (factory_id, number))",
       "CREATE TABLE membercard_issued (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, "
       "user_id BIGINT NOT NULL, card_id BIGINT NOT NULL, number TEXT NOT NULL, issued_at BIGINT NOT NULL, "
       "valid_until BIGINT NOT NULL, updated_at BIGINT NOT NULL, UNIQUE (factory_id, user_id, card_id), "
       "UNIQUE (factory_id, number))"},
      // One row per paid step, under its idempotency key: a repeated step finds it and changes nothing.
      {4,
       "CREATE TABLE membercard_purchases (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, "
       "user_id INTEGER NOT NULL, card_id INTEGER NOT NULL, issued_id INTEGER NOT NULL, amount INTEGER NOT NULL, "
       "days INTEGER NOT NULL, valid_until INTEGER NOT NULL, reference TEXT NOT NULL, created_at INTEGER NOT NULL, "
       "UNIQUE (factory_id, reference))",
       "CREATE TABLE membercard_purchases (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, "
       "user_id BIGINT NOT NULL, card_id BIGINT NOT NULL, issued_id BIGINT NOT NULL, amount BIGINT NOT NULL, "
       "days BIGINT NOT NULL, valid_until BIGINT NOT NULL, reference TEXT NOT NULL, created_at BIGINT NOT NULL, "
       "UNIQUE (factory_id, reference))"},
  };
}

std::vector<sdk::Route> MembercardModule::routes() {
  std::vector<sdk::Route> all = userRoutes();
  for (auto& r : adminRoutes()) all.push_back(std::move(r));
  return all;
}

}  // namespace paynext::plugins::membercard
