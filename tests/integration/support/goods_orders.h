#pragma once
// Mall orders as the orders module makes them since type 0 is priced from
// goods: an admin creates the goods, the user orders them through
// /order/create with goodsJsonStr. For tests that need an unpaid order of a
// given amount.
#include <cstdint>
#include <string>

#include <gtest/gtest.h>

#include "tests/integration/support/paynext_env.h"

namespace paynext::testing {

// A goods of the factory's catalog through the module's admin route; its id.
inline std::int64_t addGoods(const PaynextEnv& env, const std::string& factory, const std::string& name,
                             const std::string& yuan, int stock, bool onSale = true) {
  auto r = env.admin("POST", "/factories/" + factory + "/modules/orders/goods",
                     R"({"name":")" + name + R"(","price":")" + yuan + R"(","stock":)" + std::to_string(stock) +
                         R"(,"onSale":)" + (onSale ? "true" : "false") + "}");
  EXPECT_EQ(201, r.status) << r.body;
  return r.status == 201 ? r.json()->getValue<std::int64_t>("id") : 0;
}

// The user's order of `number` of a goods; its id (0 when refused).
inline std::int64_t orderGoods(const PaynextEnv& env, const std::string& factory, const std::string& token,
                               std::int64_t goodsId, int number = 1) {
  auto r = env.call(factory, "/order/create",
                    {{"token", token},
                     {"goodsJsonStr", R"([{"goodsId":)" + std::to_string(goodsId) + R"(,"number":)" +
                                          std::to_string(number) + "}]"}});
  EXPECT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
  return r->getValue<int>("code") == 0 ? r->getObject("data")->getValue<std::int64_t>("id") : 0;
}

// An unpaid order of `yuan`: a goods of that price (plenty in stock) ordered once.
inline std::int64_t orderPricedAt(const PaynextEnv& env, const std::string& factory, const std::string& token,
                                  const std::string& yuan) {
  return orderGoods(env, factory, token, addGoods(env, factory, "商品 " + yuan, yuan, 100));
}

}  // namespace paynext::testing
