#include "plugins/membercard/user_routes.h"

#include "membercard_test_support.h"

namespace paynext::plugins::membercard::test {
namespace {

class MembercardUserRoutesTest : public MembercardTest {
 protected:
  sdk::RouteResponse user(const std::string& path, const std::string& params = "{}") {
    return h.callAs(sdk::Audience::User, "GET", path, params);
  }
};

TEST_F(MembercardUserRoutesTest, EveryUserRouteNeedsALogin) {
  for (const auto& r : userRoutes()) EXPECT_EQ(r.audience, sdk::Audience::User) << r.path;
  h.setUser(0);
  EXPECT_EQ(user("/membercard/my").code, 2000);
  EXPECT_EQ(user("/membercard/cards").code, 2000);
}

TEST_F(MembercardUserRoutesTest, ListsTheCardsOnSaleInYuan) {
  EXPECT_EQ(user("/membercard/cards").code, 700);
  EXPECT_EQ(user("/membercard/cards").msg, "暂无数据");
  addCard("金卡", "99.90", 30);
  addCard("旧卡", "1", 10, false);
  addCard("银卡", "9.90", 7);
  auto r = user("/membercard/cards");
  ASSERT_EQ(r.code, 0) << r.msg;
  ASSERT_EQ(array(r)->size(), 2u);
  const auto gold = array(r)->getObject(0);
  EXPECT_EQ(gold->getValue<Poco::Int64>("id"), 1);
  EXPECT_EQ(gold->getValue<std::string>("name"), "金卡");
  EXPECT_DOUBLE_EQ(gold->getValue<double>("price"), 99.9);
  EXPECT_EQ(gold->getValue<Poco::Int64>("days"), 30);
  EXPECT_EQ(gold->getValue<std::string>("benefits"), "金卡 权益");
  EXPECT_FALSE(gold->has("onSale"));
  r = user("/membercard/cards", R"({"page":2,"pageSize":1})");
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<std::string>("name"), "银卡");
  EXPECT_EQ(user("/membercard/cards", R"({"page":3,"pageSize":1})").code, 700);
  // Other factories see none of them.
  h.setFactory(2);
  EXPECT_EQ(user("/membercard/cards").code, 700);
}

TEST_F(MembercardUserRoutesTest, ListsTheUsersOwnCardsActiveOrExpired) {
  EXPECT_EQ(user("/membercard/my").code, 700);
  const auto gold = addCard("金卡", "1", 30), silver = addCard("银卡", "1", 10);
  h.ledger().balance_ = 1000;
  ASSERT_EQ(h.execute(10, buy(gold)).status, Status::Done);
  h.clock().advance(kDay);
  ASSERT_EQ(h.execute(10, buy(silver)).status, Status::Done);
  h.clock().advance(15 * kDay);  // the silver card has expired, the gold one not
  auto r = user("/membercard/my");
  ASSERT_EQ(r.code, 0) << r.msg;
  ASSERT_EQ(array(r)->size(), 2u);
  const auto s = array(r)->getObject(0), g = array(r)->getObject(1);
  EXPECT_EQ(s->getValue<std::string>("name"), "银卡");
  EXPECT_EQ(s->getValue<std::string>("validUntil"), "2023-11-26 06:13:20");
  EXPECT_FALSE(s->getValue<bool>("active"));
  EXPECT_EQ(s->getValue<std::string>("status"), "EXPIRED");
  EXPECT_EQ(g->getValue<std::string>("name"), "金卡");
  EXPECT_EQ(g->getValue<std::string>("benefits"), "金卡 权益");
  EXPECT_EQ(g->getValue<std::string>("number"), numbers().at(0));
  EXPECT_EQ(g->getValue<std::string>("dateAdd"), "2023-11-15 06:13:20");
  EXPECT_EQ(g->getValue<std::string>("validUntil"), "2023-12-15 06:13:20");
  EXPECT_TRUE(g->getValue<bool>("active"));
  EXPECT_EQ(g->getValue<std::string>("status"), "ACTIVE");
  r = user("/membercard/my", R"({"pageSize":1,"page":"2"})");
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<std::string>("name"), "金卡");
  // Another user has none.
  h.setUser(2);
  EXPECT_EQ(user("/membercard/my").code, 700);
}

TEST_F(MembercardUserRoutesTest, RefusesABadPageNamingTheField) {
  EXPECT_EQ(user("/membercard/my", R"({"page":0})").msg, "参数 page 格式错误,应为正整数");
  EXPECT_EQ(user("/membercard/cards", R"({"pageSize":101})").msg, "参数 pageSize 格式错误,应为1 到 100 之间的整数");
}

}  // namespace
}  // namespace paynext::plugins::membercard::test
