#include "imagetrade_module.h"

#include <memory>

#include "admin_routes.h"
#include "pay_purchase_handler.h"
#include "user_routes.h"

namespace paynext::plugins::imagetrade {

std::vector<sdk::ActionType> ImageTradeModule::actionTypes() {
  return {{11,
           "支付图片交易订单",
           {{"id", "int", true, "图片交易购买记录的 id(由 /imagetrade/buy 返回),不是图片的 id"}},
           std::make_shared<PayPurchaseHandler>()}};
}

std::vector<sdk::Migration> ImageTradeModule::migrations() const {
  // One statement per version: Poco runs one statement per call.
  return {
      {1,
       "CREATE TABLE imagetrade_settings (factory_id INTEGER PRIMARY KEY, min_price INTEGER NOT NULL, "
       "max_price INTEGER NOT NULL, commission_percent INTEGER NOT NULL)",
       "CREATE TABLE imagetrade_settings (factory_id BIGINT PRIMARY KEY, min_price BIGINT NOT NULL, "
       "max_price BIGINT NOT NULL, commission_percent BIGINT NOT NULL)"},
      {2,
       "CREATE TABLE imagetrade_images (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, "
       "seller_id INTEGER NOT NULL, title TEXT NOT NULL, preview_url TEXT NOT NULL, original_url TEXT NOT NULL, "
       "price INTEGER NOT NULL, status TEXT NOT NULL, buyer_id INTEGER NOT NULL DEFAULT 0, "
       "created_at INTEGER NOT NULL, sold_at INTEGER NOT NULL DEFAULT 0)",
       "CREATE TABLE imagetrade_images (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, "
       "seller_id BIGINT NOT NULL, title TEXT NOT NULL, preview_url TEXT NOT NULL, original_url TEXT NOT NULL, "
       "price BIGINT NOT NULL, status TEXT NOT NULL, buyer_id BIGINT NOT NULL DEFAULT 0, "
       "created_at BIGINT NOT NULL, sold_at BIGINT NOT NULL DEFAULT 0)"},
      {3, "CREATE INDEX imagetrade_images_seller ON imagetrade_images (factory_id, seller_id, id)",
       "CREATE INDEX imagetrade_images_seller ON imagetrade_images (factory_id, seller_id, id)"},
      {4,
       "CREATE TABLE imagetrade_purchases (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, "
       "image_id INTEGER NOT NULL, buyer_id INTEGER NOT NULL, seller_id INTEGER NOT NULL, price INTEGER NOT NULL, "
       "commission INTEGER NOT NULL DEFAULT 0, status TEXT NOT NULL, reference TEXT NOT NULL DEFAULT '', "
       "created_at INTEGER NOT NULL, paid_at INTEGER NOT NULL DEFAULT 0)",
       "CREATE TABLE imagetrade_purchases (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, "
       "image_id BIGINT NOT NULL, buyer_id BIGINT NOT NULL, seller_id BIGINT NOT NULL, price BIGINT NOT NULL, "
       "commission BIGINT NOT NULL DEFAULT 0, status TEXT NOT NULL, reference TEXT NOT NULL DEFAULT '', "
       "created_at BIGINT NOT NULL, paid_at BIGINT NOT NULL DEFAULT 0)"},
      {5, "CREATE INDEX imagetrade_purchases_buyer ON imagetrade_purchases (factory_id, buyer_id, id)",
       "CREATE INDEX imagetrade_purchases_buyer ON imagetrade_purchases (factory_id, buyer_id, id)"},
  };
}

std::vector<sdk::Route> ImageTradeModule::routes() {
  auto routes = userRoutes();
  for (auto& r : adminRoutes()) routes.push_back(std::move(r));
  return routes;
}

}  // namespace paynext::plugins::imagetrade
