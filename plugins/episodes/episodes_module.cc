#include "episodes_module.h"

#include <memory>

#include "admin_routes.h"
#include "unlock_episode_handler.h"
#include "user_routes.h"

namespace paynext::plugins::episodes {

std::vector<sdk::ActionType> EpisodesModule::actionTypes() {
  return {{18,
           "购买商品视频剧集",
           {{"goodsId", "int", true, "视频剧集商品的 id(/episodes/goods 答复的 id)"},
            {"number", "int", true, "购买第几集,从 1 数起"}},
           std::make_shared<UnlockEpisodeHandler>()}};
}

std::vector<sdk::Migration> EpisodesModule::migrations() const {
  // One statement per version: Poco runs one statement per call. The play
  // addresses are one JSON array per goods: they are always read and replaced together.
  return {
      {1,
       "CREATE TABLE episodes_goods (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, name TEXT NOT NULL, "
       "price INTEGER NOT NULL, episode_count INTEGER NOT NULL, free_count INTEGER NOT NULL, urls TEXT NOT NULL, "
       "on_sale INTEGER NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)",
       "CREATE TABLE episodes_goods (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, name TEXT NOT NULL, "
       "price BIGINT NOT NULL, episode_count INTEGER NOT NULL, free_count INTEGER NOT NULL, urls TEXT NOT NULL, "
       "on_sale INTEGER NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)"},
      {2, "CREATE INDEX episodes_goods_factory ON episodes_goods (factory_id, id)",
       "CREATE INDEX episodes_goods_factory ON episodes_goods (factory_id, id)"},
      // One unlock per user and episode, and one per step: two payments racing
      // for one episode cannot both insert.
      {3,
       "CREATE TABLE episodes_unlocks (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, "
       "user_id INTEGER NOT NULL, goods_id INTEGER NOT NULL, number INTEGER NOT NULL, name TEXT NOT NULL, "
       "amount INTEGER NOT NULL, reference TEXT NOT NULL, created_at INTEGER NOT NULL, "
       "UNIQUE (factory_id, user_id, goods_id, number), UNIQUE (factory_id, reference))",
       "CREATE TABLE episodes_unlocks (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, "
       "user_id BIGINT NOT NULL, goods_id BIGINT NOT NULL, number BIGINT NOT NULL, name TEXT NOT NULL, "
       "amount BIGINT NOT NULL, reference TEXT NOT NULL, created_at BIGINT NOT NULL, "
       "UNIQUE (factory_id, user_id, goods_id, number), UNIQUE (factory_id, reference))"},
      {4, "CREATE INDEX episodes_unlocks_user ON episodes_unlocks (factory_id, user_id, id)",
       "CREATE INDEX episodes_unlocks_user ON episodes_unlocks (factory_id, user_id, id)"},
  };
}

std::vector<sdk::Route> EpisodesModule::routes() {
  std::vector<sdk::Route> all = userRoutes();
  for (auto& r : adminRoutes()) all.push_back(std::move(r));
  return all;
}

}  // namespace paynext::plugins::episodes
