#include "plugins/deposit/deposit_routes.h"

#include <Poco/JSON/Array.h>

#include "deposit_test_support.h"

namespace paynext::plugins::deposit::test {
namespace {

class DepositRoutesTest : public DepositTest {};

TEST_F(DepositRoutesTest, RoutesAreForUsers) {
  const auto routes = depositRoutes();  // the admin routes are depositAdminRoutes()
  ASSERT_EQ(routes.size(), 3u);
  for (const auto& r : routes) EXPECT_EQ(r.audience, sdk::Audience::User);
  EXPECT_EQ(routes[0].path, "/deposit/pay");
  EXPECT_TRUE(routes[0].writes);
  EXPECT_EQ(routes[1].path, "/deposit/list");
  EXPECT_FALSE(routes[1].writes);
  EXPECT_EQ(routes[2].path, "/deposit/info");
  EXPECT_FALSE(routes[2].writes);
}

TEST_F(DepositRoutesTest, PayFreezesFromTheWallet) {
  h.ledger().balance_ = 5000;
  h.clock().now = 1714521600000;  // 2024-05-01T00:00:00Z
  const auto r = h.call("POST", "/deposit/pay", R"({"amount":"20","refCode":"R-8","extJsonStr":{"room":301}})");
  ASSERT_EQ(r.code, 0) << r.msg;
  const auto data = r.data.extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(data->getValue<Poco::Int64>("id"), 1);
  EXPECT_EQ(data->getValue<double>("amount"), 20.0);
  EXPECT_EQ(data->getValue<std::string>("refCode"), "R-8");
  EXPECT_EQ(data->getValue<std::string>("extJsonStr"), "{\"room\":301}");
  EXPECT_EQ(data->getValue<std::string>("status"), "HELD");
  EXPECT_EQ(data->getValue<Poco::Int64>("createdAt"), 1714521600000);
  EXPECT_EQ(h.ledger().balance_, 3000);
  EXPECT_EQ(h.ledger().frozen_, 2000);
  ASSERT_EQ(h.ledger().entries.size(), 2u);
  EXPECT_EQ(h.ledger().entries[0].reason, "支付押金");
  const std::string reference = h.ledger().entries[0].reference;
  EXPECT_EQ(reference.rfind("deposit:", 0), 0u);
  EXPECT_EQ(rows(), std::vector<std::string>{"1/1/2000/R-8//{\"room\":301}/HELD/" + reference});
}

TEST_F(DepositRoutesTest, PayWithTooLittleBalanceChangesNothing) {
  h.ledger().balance_ = 1999;
  const auto r = h.call("POST", "/deposit/pay", R"({"amount":20})");
  EXPECT_EQ(r.code, 30002);
  EXPECT_EQ(r.msg, "余额不足");
  EXPECT_EQ(h.ledger().balance_, 1999);
  EXPECT_EQ(h.ledger().frozen_, 0);
  EXPECT_TRUE(h.ledger().entries.empty());
  EXPECT_TRUE(rows().empty());
}

TEST_F(DepositRoutesTest, PayRefusesBadParamsAndChangesNothing) {
  h.ledger().balance_ = 1000;
  auto r = h.call("POST", "/deposit/pay", R"({"amount":"0.00"})");
  EXPECT_EQ(r.code, 300);
  EXPECT_EQ(r.msg, "参数 amount 格式错误,应为大于 0 的金额");
  r = h.call("POST", "/deposit/pay", R"({"amount":1,"extJsonStr":"{"})");
  EXPECT_EQ(r.code, 300);
  EXPECT_EQ(r.msg, "参数 extJsonStr 格式错误,应为JSON 格式的数据");
  EXPECT_EQ(h.ledger().balance_, 1000);
  EXPECT_TRUE(h.ledger().entries.empty());
  EXPECT_TRUE(rows().empty());
}

TEST_F(DepositRoutesTest, ListAndInfoShowOnlyTheCallersDeposits) {
  h.ledger().balance_ = 100000;
  ASSERT_EQ(h.call("POST", "/deposit/pay", R"({"amount":1})").code, 0);
  h.clock().advance(1000);
  ASSERT_EQ(h.call("POST", "/deposit/pay", R"({"amount":2})").code, 0);
  // Another user of the factory pays from their own wallet.
  h.setUser(2);
  h.ledger().balance_ = 100000;
  ASSERT_EQ(h.call("POST", "/deposit/pay", R"({"amount":3})").code, 0);
  EXPECT_EQ(h.ledger().frozen_, 300);
  h.setUser(1);
  EXPECT_EQ(h.ledger().frozen_, 300);
  h.setFactory(2);
  ASSERT_EQ(h.call("POST", "/deposit/pay", R"({"amount":4})").code, 0);
  h.setFactory(1);

  const auto r = h.call("/deposit/list", "{}");
  ASSERT_EQ(r.code, 0) << r.msg;
  const auto list = r.data.extract<Poco::JSON::Array::Ptr>();
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ(list->getObject(0)->getValue<double>("amount"), 2.0);
  EXPECT_EQ(list->getObject(0)->getValue<Poco::Int64>("createdAt"), h.clock().now);
  EXPECT_EQ(list->getObject(1)->getValue<double>("amount"), 1.0);
  EXPECT_EQ(list->getObject(1)->getValue<Poco::Int64>("createdAt"), h.clock().now - 1000);
  const auto page = h.call("/deposit/list", R"({"page":2,"pageSize":1})");
  ASSERT_EQ(page.code, 0);
  EXPECT_EQ(page.data.extract<Poco::JSON::Array::Ptr>()->getObject(0)->getValue<double>("amount"), 1.0);

  const auto info = h.call("/deposit/info", R"({"id":2})");
  ASSERT_EQ(info.code, 0) << info.msg;
  EXPECT_EQ(info.data.extract<Poco::JSON::Object::Ptr>()->getValue<double>("amount"), 2.0);
  for (const char* other : {R"({"id":3})", R"({"id":4})", R"({"id":99})"}) {
    const auto missing = h.call("/deposit/info", other);
    EXPECT_EQ(missing.code, 700) << other;
    EXPECT_EQ(missing.msg, "押金记录不存在") << other;
  }

  h.setUser(5);
  const auto none = h.call("/deposit/list", "{}");
  EXPECT_EQ(none.code, 700);
  EXPECT_EQ(none.msg, "暂无数据");
}

}  // namespace
}  // namespace paynext::plugins::deposit::test
