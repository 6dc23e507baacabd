#include "plugins/membercard/admin_routes.h"

#include "membercard_test_support.h"

namespace paynext::plugins::membercard::test {
namespace {

class MembercardAdminRoutesTest : public MembercardTest {
 protected:
  sdk::RouteResponse admin(const std::string& method, const std::string& path, const std::string& params) {
    return h.callAs(sdk::Audience::Admin, method, path, params);
  }
};

TEST_F(MembercardAdminRoutesTest, EveryAdminRouteHasAChineseTitle) {
  for (const auto& r : adminRoutes()) {
    EXPECT_EQ(r.audience, sdk::Audience::Admin);
    EXPECT_EQ(r.title, r.path == "/cards" ? "会员卡" : "已发会员卡") << r.path;
  }
}

TEST_F(MembercardAdminRoutesTest, KeepsListsAndReplacesCards) {
  h.clock().advance(1000);
  auto r = admin("POST", "/cards", R"({"name":"金卡","price":99.9,"days":"30","benefits":"全场九折"})");
  ASSERT_EQ(r.code, 0) << r.msg;
  auto card = object(r);
  EXPECT_EQ(card->getValue<Poco::Int64>("id"), 1);
  EXPECT_DOUBLE_EQ(card->getValue<double>("price"), 99.9);
  EXPECT_EQ(card->getValue<Poco::Int64>("days"), 30);
  EXPECT_TRUE(card->getValue<bool>("onSale"));
  EXPECT_EQ(card->getValue<Poco::Int64>("createdAt"), h.clock().now);

  h.clock().advance(1000);
  r = admin("PUT", "/cards", R"({"id":"1","name":"金卡2","price":"9.90","days":7,"onSale":"false"})");
  ASSERT_EQ(r.code, 0) << r.msg;
  r = admin("GET", "/cards", R"({"id":1})");
  ASSERT_EQ(r.code, 0) << r.msg;
  card = object(r);
  EXPECT_EQ(card->getValue<std::string>("name"), "金卡2");
  EXPECT_EQ(card->getValue<std::string>("benefits"), "");
  EXPECT_DOUBLE_EQ(card->getValue<double>("price"), 9.9);
  EXPECT_EQ(card->getValue<Poco::Int64>("days"), 7);
  EXPECT_FALSE(card->getValue<bool>("onSale"));
  EXPECT_EQ(card->getValue<Poco::Int64>("createdAt"), h.clock().now - 1000);
  EXPECT_EQ(card->getValue<Poco::Int64>("updatedAt"), h.clock().now);

  addCard("银卡", "1", 10);
  r = admin("GET", "/cards", "{}");
  ASSERT_EQ(r.code, 0) << r.msg;
  ASSERT_EQ(array(r)->size(), 2u);  // off sale ones too
  r = admin("GET", "/cards", R"({"limit":1,"offset":1})");
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<std::string>("name"), "银卡");
  // Another factory's admin sees none of them.
  h.setFactory(2);
  EXPECT_EQ(array(admin("GET", "/cards", "{}"))->size(), 0u);
  EXPECT_EQ(admin("GET", "/cards", R"({"id":1})").code, 700);
}

TEST_F(MembercardAdminRoutesTest, RefusesBadCardsNamingTheFieldAndStoresNothing) {
  const std::vector<std::pair<std::string, Refusal>> cases = {
      {R"({"price":1,"days":30})", {300, "缺少参数 name"}},
      {R"({"name":"卡","days":30})", {300, "缺少参数 price"}},
      {R"({"name":"卡","price":0,"days":30})", {300, "参数 price 格式错误,应为大于 0 的金额"}},
      {R"({"name":"卡","price":"1.001","days":30})", {300, "参数 price 格式错误,应为不超过两位小数的非负金额"}},
      {R"({"name":"卡","price":1})", {300, "缺少参数 days"}},
      {R"({"name":"卡","price":1,"days":0})", {300, "参数 days 格式错误,应为正整数"}},
      {R"({"name":"卡","price":1,"days":36501})", {300, "参数 days 格式错误,应为1 到 36500 之间的整数"}},
      {R"({"name":"卡","price":1,"days":30,"onSale":"maybe"})", {300, "参数 onSale 格式错误,应为true 或 false"}},
      {R"({"name":")" + std::string(201, 'x') + R"(","price":1,"days":30})", {300, "参数 name 不能超过 200 字节"}},
      {R"({"name":"卡","price":1,"days":30,"benefits":")" + std::string(4001, 'x') + "\"}",
       {300, "参数 benefits 不能超过 4000 字节"}},
  };
  for (const auto& [params, expected] : cases) {
    const auto r = admin("POST", "/cards", params);
    EXPECT_EQ(Refusal(r.code, r.msg), expected) << params;
  }
  EXPECT_EQ(cardCount(), 0);
}

TEST_F(MembercardAdminRoutesTest, ReplacingAnUnknownCardIsRefused) {
  const auto r = admin("PUT", "/cards", R"({"id":5,"name":"卡","price":1,"days":30})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(700, "会员卡 5 不存在"));
  const auto noId = admin("PUT", "/cards", R"({"name":"卡","price":1,"days":30})");
  EXPECT_EQ(Refusal(noId.code, noId.msg), Refusal(300, "缺少参数 id"));
  EXPECT_EQ(cardCount(), 0);
}

TEST_F(MembercardAdminRoutesTest, ListsIssuedCardsFilteredByCardAndUser) {
  const auto gold = addCard("金卡", "1", 30), silver = addCard("银卡", "1", 30);
  h.ledger().balance_ = 1000;
  ASSERT_EQ(h.execute(10, buy(gold)).status, Status::Done);
  h.setUser(2);
  h.ledger().balance_ = 1000;
  ASSERT_EQ(h.execute(10, buy(gold)).status, Status::Done);
  ASSERT_EQ(h.execute(10, buy(silver)).status, Status::Done);

  auto r = admin("GET", "/issued", "{}");
  ASSERT_EQ(r.code, 0) << r.msg;
  ASSERT_EQ(array(r)->size(), 3u);
  const auto newest = array(r)->getObject(0);
  EXPECT_EQ(newest->getValue<Poco::Int64>("id"), 3);
  EXPECT_EQ(newest->getValue<Poco::Int64>("userId"), 2);
  EXPECT_EQ(newest->getValue<Poco::Int64>("cardId"), silver);
  EXPECT_EQ(newest->getValue<std::string>("name"), "银卡");
  EXPECT_EQ(newest->getValue<std::string>("number"), numbers().at(2));
  EXPECT_EQ(newest->getValue<Poco::Int64>("validUntilMs"), h.clock().now + 30 * kDay);
  EXPECT_TRUE(newest->getValue<bool>("active"));

  EXPECT_EQ(array(admin("GET", "/issued", R"({"cardId":1})"))->size(), 2u);
  EXPECT_EQ(array(admin("GET", "/issued", R"({"userId":2})"))->size(), 2u);
  r = admin("GET", "/issued", R"({"userId":"1","cardId":1})");
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<Poco::Int64>("userId"), 1);
  EXPECT_EQ(array(admin("GET", "/issued", R"({"userId":1,"cardId":2})"))->size(), 0u);
  r = admin("GET", "/issued", R"({"limit":1,"offset":2})");
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<Poco::Int64>("id"), 1);
  r = admin("GET", "/issued", R"({"id":2})");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(object(r)->getValue<std::string>("number"), numbers().at(1));
  // Another factory's admin sees none of them.
  h.setFactory(2);
  EXPECT_EQ(array(admin("GET", "/issued", "{}"))->size(), 0u);
}

TEST_F(MembercardAdminRoutesTest, RefusesUnknownFiltersAndBadWindows) {
  addCard("金卡", "1", 30);
  auto refused = [&](const std::string& params) {
    const auto r = admin("GET", "/issued", params);
    return Refusal(r.code, r.msg);
  };
  EXPECT_EQ(refused(R"({"id":9})"), Refusal(700, "已发会员卡 9 不存在"));
  EXPECT_EQ(refused(R"({"userId":9})"), Refusal(700, "用户 9 不存在"));
  EXPECT_EQ(refused(R"({"cardId":9})"), Refusal(700, "会员卡 9 不存在"));
  EXPECT_EQ(refused(R"({"cardId":"x"})"), Refusal(300, "参数 cardId 格式错误,应为整数"));
  EXPECT_EQ(refused(R"({"limit":501})"), Refusal(300, "参数 limit 格式错误,应为1 到 500 之间的整数"));
  const auto r = admin("GET", "/cards", R"({"offset":-1})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "参数 offset 格式错误,应为非负整数"));
}

}  // namespace
}  // namespace paynext::plugins::membercard::test
