#include "knowledge_module.h"

#include <memory>

#include "admin_routes.h"
#include "knowledge_pay_handler.h"
#include "user_routes.h"

namespace paynext::plugins::knowledge {

std::vector<sdk::ActionType> KnowledgeModule::actionTypes() {
  return {{1,
           "支付知识付费订单",
           {{"id", "ids", true,
             "待支付知识付费订单的 id(/knowledge/order 答复的数字编号),多个用英文逗号分隔,如 \"77,88,99\""}},
           std::make_shared<KnowledgePayHandler>()}};
}

std::vector<sdk::Migration> KnowledgeModule::migrations() const {
  // One statement per version: Poco runs one statement per call.
  return {
      {1,
       "CREATE TABLE knowledge_items (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, title TEXT NOT NULL, "
       "summary TEXT NOT NULL, price INTEGER NOT NULL, content TEXT NOT NULL, on_sale INTEGER NOT NULL, "
       "created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)",
       "CREATE TABLE knowledge_items (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, title TEXT NOT NULL, "
       "summary TEXT NOT NULL, price BIGINT NOT NULL, content TEXT NOT NULL, on_sale INTEGER NOT NULL, "
       "created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)"},
      {2, "CREATE INDEX knowledge_items_factory ON knowledge_items (factory_id, id)",
       "CREATE INDEX knowledge_items_factory ON knowledge_items (factory_id, id)"},
      // One purchase per user and item: a pending one is reused, a paid one refuses another.
      {3,
       "CREATE TABLE knowledge_purchases (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, "
       "user_id INTEGER NOT NULL, item_id INTEGER NOT NULL, title TEXT NOT NULL, status TEXT NOT NULL, "
       "amount INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL, paid_at INTEGER NOT NULL DEFAULT 0, "
       "paid_reference TEXT NOT NULL DEFAULT '', UNIQUE (factory_id, user_id, item_id))",
       "CREATE TABLE knowledge_purchases (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, "
       "user_id BIGINT NOT NULL, item_id BIGINT NOT NULL, title TEXT NOT NULL, status TEXT NOT NULL, "
       "amount BIGINT NOT NULL DEFAULT 0, created_at BIGINT NOT NULL, paid_at BIGINT NOT NULL DEFAULT 0, "
       "paid_reference TEXT NOT NULL DEFAULT '', UNIQUE (factory_id, user_id, item_id))"},
      {4, "CREATE INDEX knowledge_purchases_user ON knowledge_purchases (factory_id, user_id, id)",
       "CREATE INDEX knowledge_purchases_user ON knowledge_purchases (factory_id, user_id, id)"},
  };
}

std::vector<sdk::Route> KnowledgeModule::routes() {
  std::vector<sdk::Route> all = userRoutes();
  for (auto& r : adminRoutes()) all.push_back(std::move(r));
  return all;
}

}  // namespace paynext::plugins::knowledge
