#include "cpmatch_module.h"

#include <memory>

#include "admin_routes.h"
#include "admit_handler.h"
#include "pair_job.h"
#include "user_routes.h"

namespace paynext::plugins::cpmatch {

std::vector<sdk::ActionType> CpmatchModule::actionTypes() {
  return {{23,
           "cp匹配活动-付费入场",
           {{"cpactivityId", "int", true, "CP活动ID(先通过 /cpmatch/signup 报名并填写性别)"}},
           std::make_shared<AdmitHandler>()}};
}

std::vector<sdk::Migration> CpmatchModule::migrations() const {
  // One statement per version: Poco runs one statement per call.
  return {
      // admitted_male/admitted_female count the paid places; they only move
      // together with a sign-up turning ADMITTED, in one conditional UPDATE
      // that also locks the row.
      {1,
       "CREATE TABLE cpmatch_activities (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, title TEXT NOT NULL, "
       "fee INTEGER NOT NULL, capacity INTEGER NOT NULL, per_gender INTEGER NOT NULL, date_start INTEGER NOT NULL, "
       "date_end INTEGER NOT NULL, on_sale INTEGER NOT NULL, admitted_male INTEGER NOT NULL DEFAULT 0, "
       "admitted_female INTEGER NOT NULL DEFAULT 0, paired_at INTEGER NOT NULL DEFAULT 0, "
       "created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)",
       "CREATE TABLE cpmatch_activities (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, title TEXT NOT NULL, "
       "fee BIGINT NOT NULL, capacity BIGINT NOT NULL, per_gender INTEGER NOT NULL, date_start BIGINT NOT NULL, "
       "date_end BIGINT NOT NULL, on_sale INTEGER NOT NULL, admitted_male BIGINT NOT NULL DEFAULT 0, "
       "admitted_female BIGINT NOT NULL DEFAULT 0, paired_at BIGINT NOT NULL DEFAULT 0, "
       "created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)"},
      {2, "CREATE INDEX cpmatch_activities_factory ON cpmatch_activities (factory_id, id)",
       "CREATE INDEX cpmatch_activities_factory ON cpmatch_activities (factory_id, id)"},
      {3,
       "CREATE TABLE cpmatch_signups (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, "
       "activity_id INTEGER NOT NULL, user_id INTEGER NOT NULL, gender INTEGER NOT NULL, status TEXT NOT NULL, "
       "amount INTEGER NOT NULL DEFAULT 0, reference TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL, "
       "admitted_at INTEGER NOT NULL DEFAULT 0, pair_status TEXT NOT NULL DEFAULT '', "
       "match_user_id INTEGER NOT NULL DEFAULT 0)",
       "CREATE TABLE cpmatch_signups (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, "
       "activity_id BIGINT NOT NULL, user_id BIGINT NOT NULL, gender INTEGER NOT NULL, status TEXT NOT NULL, "
       "amount BIGINT NOT NULL DEFAULT 0, reference TEXT NOT NULL DEFAULT '', created_at BIGINT NOT NULL, "
       "admitted_at BIGINT NOT NULL DEFAULT 0, pair_status TEXT NOT NULL DEFAULT '', "
       "match_user_id BIGINT NOT NULL DEFAULT 0)"},
      // One sign-up per user and activity, whatever races past the checks.
      {4, "CREATE UNIQUE INDEX cpmatch_signups_user ON cpmatch_signups (factory_id, activity_id, user_id)",
       "CREATE UNIQUE INDEX cpmatch_signups_user ON cpmatch_signups (factory_id, activity_id, user_id)"},
      {5, "CREATE INDEX cpmatch_signups_mine ON cpmatch_signups (factory_id, user_id, id)",
       "CREATE INDEX cpmatch_signups_mine ON cpmatch_signups (factory_id, user_id, id)"},
      {6,
       "CREATE TABLE cpmatch_pairs (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, "
       "activity_id INTEGER NOT NULL, first_user_id INTEGER NOT NULL, second_user_id INTEGER NOT NULL, "
       "created_at INTEGER NOT NULL)",
       "CREATE TABLE cpmatch_pairs (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, "
       "activity_id BIGINT NOT NULL, first_user_id BIGINT NOT NULL, second_user_id BIGINT NOT NULL, "
       "created_at BIGINT NOT NULL)"},
      {7, "CREATE INDEX cpmatch_pairs_activity ON cpmatch_pairs (factory_id, activity_id, id)",
       "CREATE INDEX cpmatch_pairs_activity ON cpmatch_pairs (factory_id, activity_id, id)"},
  };
}

std::vector<sdk::Route> CpmatchModule::routes() {
  std::vector<sdk::Route> all = userRoutes();
  for (auto& r : adminRoutes()) all.push_back(std::move(r));
  return all;
}

std::vector<sdk::Job> CpmatchModule::jobs() { return {pairJob()}; }

}  // namespace paynext::plugins::cpmatch
