#include "qualifications_module.h"

#include <memory>

#include "admin_routes.h"
#include "buy_qualification_handler.h"
#include "user_routes.h"

namespace paynext::plugins::qualifications {

std::vector<sdk::ActionType> QualificationsModule::actionTypes() {
  // The seed: "无需其他参数,只需要传type=12即可" (13, 14 alike); the price is the admins'.
  std::vector<sdk::ActionType> types;
  for (const auto& kind : kinds()) {
    types.push_back({kind.type, kind.actionTitle, {}, std::make_shared<BuyQualificationHandler>(kind)});
  }
  return types;
}

std::vector<sdk::Migration> QualificationsModule::migrations() const {
  // One statement per version: Poco runs one statement per call.
  return {
      // What admins sell: one row per factory and type; days 0 when permanent.
      {1,
       "CREATE TABLE qualifications_offers (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, "
       "type INTEGER NOT NULL, price INTEGER NOT NULL, days INTEGER NOT NULL, permanent INTEGER NOT NULL, "
       "on_sale INTEGER NOT NULL, updated_at INTEGER NOT NULL, UNIQUE (factory_id, type))",
       "CREATE TABLE qualifications_offers (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, "
       "type BIGINT NOT NULL, price BIGINT NOT NULL, days BIGINT NOT NULL, permanent BIGINT NOT NULL, "
       "on_sale BIGINT NOT NULL, updated_at BIGINT NOT NULL, UNIQUE (factory_id, type))"},
      // Who holds what until when: one row per user and type, so two grants cannot both insert.
      {2,
       "CREATE TABLE qualifications_holders (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, "
       "user_id INTEGER NOT NULL, type INTEGER NOT NULL, permanent INTEGER NOT NULL, expires_at INTEGER NOT NULL, "
       "granted_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, UNIQUE (factory_id, user_id, type))",
       "CREATE TABLE qualifications_holders (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, "
       "user_id BIGINT NOT NULL, type BIGINT NOT NULL, permanent BIGINT NOT NULL, expires_at BIGINT NOT NULL, "
       "granted_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, UNIQUE (factory_id, user_id, type))"},
      // Each paid step, under its key: a repeated step finds it and changes nothing.
      {3,
       "CREATE TABLE qualifications_grants (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, "
       "user_id INTEGER NOT NULL, type INTEGER NOT NULL, amount INTEGER NOT NULL, days INTEGER NOT NULL, "
       "permanent INTEGER NOT NULL, expires_at INTEGER NOT NULL, reference TEXT NOT NULL, "
       "created_at INTEGER NOT NULL, UNIQUE (factory_id, reference))",
       "CREATE TABLE qualifications_grants (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, "
       "user_id BIGINT NOT NULL, type BIGINT NOT NULL, amount BIGINT NOT NULL, days BIGINT NOT NULL, "
       "permanent BIGINT NOT NULL, expires_at BIGINT NOT NULL, reference TEXT NOT NULL, "
       "created_at BIGINT NOT NULL, UNIQUE (factory_id, reference))"},
      // The admins' list of holders per qualification.
      {4, "CREATE INDEX qualifications_holders_type ON qualifications_holders (factory_id, type, id)",
       "CREATE INDEX qualifications_holders_type ON qualifications_holders (factory_id, type, id)"},
      // A user's purchases, newest first.
      {5, "CREATE INDEX qualifications_grants_user ON qualifications_grants (factory_id, user_id, id)",
       "CREATE INDEX qualifications_grants_user ON qualifications_grants (factory_id, user_id, id)"},
  };
}

std::vector<sdk::Route> QualificationsModule::routes() {
  std::vector<sdk::Route> all = userRoutes();
  for (auto& r : adminRoutes()) all.push_back(std::move(r));
  return all;
}

}  // namespace paynext::plugins::qualifications
