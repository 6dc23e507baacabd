#include "blindbox_module.h"

#include <memory>

#include "admin_routes.h"
#include "buy_pulls_handler.h"
#include "expire_job.h"
#include "publish_box_handler.h"
#include "user_routes.h"

namespace paynext::plugins::blindbox {

std::vector<sdk::ActionType> BlindboxModule::actionTypes() {
  return {{21,
           "购买交友盲盒的解锁次数",
           {{"pullTimes", "int", true, "购买解锁次数(正整数,不超过模块设置的单次上限)"}},
           std::make_shared<BuyPullsHandler>()},
          {22,
           "支付并投放盲盒",
           {{"boxId", "int", true, "盲盒ID(/blindbox/box/create 答复的编号)"}},
           std::make_shared<PublishBoxHandler>()}};
}

std::vector<sdk::Migration> BlindboxModule::migrations() const {
  // One statement per version: Poco runs one statement per call.
  return {
      {1,
       "CREATE TABLE blindbox_settings (factory_id INTEGER PRIMARY KEY, box_price INTEGER NOT NULL, "
       "pull_price INTEGER NOT NULL, max_pull_times INTEGER NOT NULL, expire_minutes INTEGER NOT NULL)",
       "CREATE TABLE blindbox_settings (factory_id BIGINT PRIMARY KEY, box_price BIGINT NOT NULL, "
       "pull_price BIGINT NOT NULL, max_pull_times BIGINT NOT NULL, expire_minutes BIGINT NOT NULL)"},
      {2,
       "CREATE TABLE blindbox_boxes (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, user_id INTEGER NOT NULL, "
       "gender INTEGER NOT NULL, intro TEXT NOT NULL, contact TEXT NOT NULL, status TEXT NOT NULL, "
       "amount INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL, published_at INTEGER NOT NULL DEFAULT 0, "
       "paid_reference TEXT NOT NULL DEFAULT '')",
       "CREATE TABLE blindbox_boxes (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, user_id BIGINT NOT NULL, "
       "gender INTEGER NOT NULL, intro TEXT NOT NULL, contact TEXT NOT NULL, status TEXT NOT NULL, "
       "amount BIGINT NOT NULL DEFAULT 0, created_at BIGINT NOT NULL, published_at BIGINT NOT NULL DEFAULT 0, "
       "paid_reference TEXT NOT NULL DEFAULT '')"},
      {3, "CREATE INDEX blindbox_boxes_status ON blindbox_boxes (factory_id, status, id)",
       "CREATE INDEX blindbox_boxes_status ON blindbox_boxes (factory_id, status, id)"},
      {4, "CREATE INDEX blindbox_boxes_user ON blindbox_boxes (factory_id, user_id, id)",
       "CREATE INDEX blindbox_boxes_user ON blindbox_boxes (factory_id, user_id, id)"},
      // Draws a user has left to spend.
      {5,
       "CREATE TABLE blindbox_pulls_left (factory_id INTEGER NOT NULL, user_id INTEGER NOT NULL, "
       "pulls INTEGER NOT NULL, PRIMARY KEY (factory_id, user_id))",
       "CREATE TABLE blindbox_pulls_left (factory_id BIGINT NOT NULL, user_id BIGINT NOT NULL, "
       "pulls BIGINT NOT NULL, PRIMARY KEY (factory_id, user_id))"},
      // One row per type-21 step: its reference makes a repeated step change nothing.
      {6,
       "CREATE TABLE blindbox_pull_purchases (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, "
       "user_id INTEGER NOT NULL, pull_times INTEGER NOT NULL, amount INTEGER NOT NULL, reference TEXT NOT NULL, "
       "created_at INTEGER NOT NULL, UNIQUE (factory_id, reference))",
       "CREATE TABLE blindbox_pull_purchases (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, "
       "user_id BIGINT NOT NULL, pull_times BIGINT NOT NULL, amount BIGINT NOT NULL, reference TEXT NOT NULL, "
       "created_at BIGINT NOT NULL, UNIQUE (factory_id, reference))"},
      // A user draws a box at most once.
      {7,
       "CREATE TABLE blindbox_draws (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, user_id INTEGER NOT NULL, "
       "box_id INTEGER NOT NULL, created_at INTEGER NOT NULL, UNIQUE (factory_id, user_id, box_id))",
       "CREATE TABLE blindbox_draws (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, user_id BIGINT NOT NULL, "
       "box_id BIGINT NOT NULL, created_at BIGINT NOT NULL, UNIQUE (factory_id, user_id, box_id))"},
  };
}

std::vector<sdk::Route> BlindboxModule::routes() {
  std::vector<sdk::Route> all = userRoutes();
  for (auto& r : adminRoutes()) all.push_back(std::move(r));
  return all;
}

std::vector<sdk::Job> BlindboxModule::jobs() { return {expireJob()}; }

}  // namespace paynext::plugins::blindbox
