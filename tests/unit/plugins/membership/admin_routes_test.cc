#include "plugins/membership/admin_routes.h"

#include "membership_test_support.h"

namespace paynext::plugins::membership::test {
namespace {

using sdk::Audience;

class AdminRoutesTest : public MembershipTest {
 protected:
  sdk::RouteResponse call(const std::string& method, const std::string& path, const std::string& json) {
    return h.callAs(Audience::Admin, method, path, json);
  }
  Refusal refused(const std::string& method, const std::string& path, const std::string& json) {
    const auto r = call(method, path, json);
    return {r.code, r.msg};
  }
};

TEST_F(AdminRoutesTest, HaveTitlesForTheConsole) {
  std::map<std::string, std::string> titles;
  for (const auto& r : MembershipModule().routes()) {
    if (r.audience == Audience::Admin) titles[r.path] = r.title;
  }
  EXPECT_EQ(titles, (std::map<std::string, std::string>{{"/levels", "会员等级"},
                                                        {"/prices", "等级价格"},
                                                        {"/members", "会员"},
                                                        {"/purchases", "购买记录"},
                                                        {"/renewals", "续费记录"}}));
}

TEST_F(AdminRoutesTest, LevelsAreCreatedListedAndUpdated) {
  const auto created = object(call("POST", "/levels", R"({"name":"黄金会员","description":"9 折"})"));
  EXPECT_EQ(created->getValue<Poco::Int64>("id"), 1);
  EXPECT_EQ(created->getValue<Poco::Int64>("createdAt"), h.clock().now);
  const auto updated = object(call("PUT", "/levels", R"({"id":"1","name":"金卡"})"));
  EXPECT_EQ(updated->getValue<std::string>("name"), "金卡");
  EXPECT_EQ(updated->getValue<std::string>("description"), "");
  const auto list = array(call("GET", "/levels", "{}"));
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(list->getObject(0)->getValue<std::string>("name"), "金卡");
}

TEST_F(AdminRoutesTest, LevelRefusalsChangeNothing) {
  addLevel("黄金会员");
  EXPECT_EQ(refused("POST", "/levels", "{}"), Refusal(300, "缺少参数 name"));
  EXPECT_EQ(refused("POST", "/levels", R"({"name":")" + std::string(65, 'x') + "\"}"),
            Refusal(300, "参数 name 不能超过 64 字节"));
  EXPECT_EQ(refused("PUT", "/levels", R"({"name":"x"})"), Refusal(300, "缺少参数 id"));
  EXPECT_EQ(refused("PUT", "/levels", R"({"id":9,"name":"x"})"), Refusal(700, "会员等级 9 不存在"));
  // Another factory's level is not found.
  h.setFactory(2);
  EXPECT_EQ(refused("PUT", "/levels", R"({"id":1,"name":"x"})"), Refusal(700, "会员等级 1 不存在"));
  EXPECT_EQ(array(call("GET", "/levels", "{}"))->size(), 0u);
  h.setFactory(1);
  EXPECT_EQ(count("membership_levels"), 1);
  EXPECT_EQ(array(call("GET", "/levels", "{}"))->getObject(0)->getValue<std::string>("name"), "黄金会员");
}

TEST_F(AdminRoutesTest, PriceItemsAreCreatedListedAndUpdated) {
  const auto gold = addLevel("黄金会员");
  const auto silver = addLevel("白银会员");
  const auto item = object(call("POST", "/prices", R"({"levelId":1,"days":"30","price":"19.9","autoRenew":"true"})"));
  EXPECT_EQ(item->getValue<double>("price"), 19.9);
  EXPECT_TRUE(item->getValue<bool>("autoRenew"));
  EXPECT_TRUE(item->getValue<bool>("enabled"));
  addPrice(silver, 365, "99", false);
  EXPECT_EQ(array(call("GET", "/prices", "{}"))->size(), 2u);
  EXPECT_EQ(array(call("GET", "/prices", R"({"levelId":2})"))->size(), 1u);
  const auto updated = object(call("PUT", "/prices", R"({"id":1,"levelId":1,"days":31,"price":20,"enabled":false})"));
  EXPECT_EQ(updated->getValue<Poco::Int64>("days"), 31);
  EXPECT_EQ(updated->getValue<double>("price"), 20);
  EXPECT_FALSE(updated->getValue<bool>("autoRenew"));
  EXPECT_FALSE(updated->getValue<bool>("enabled"));
  EXPECT_EQ(gold, 1);
}

TEST_F(AdminRoutesTest, PriceItemRefusalsChangeNothing) {
  addLevel("黄金会员");
  EXPECT_EQ(refused("POST", "/prices", R"({"days":30,"price":1})"), Refusal(300, "缺少参数 levelId"));
  EXPECT_EQ(refused("POST", "/prices", R"({"levelId":1,"price":1})"), Refusal(300, "缺少参数 days"));
  EXPECT_EQ(refused("POST", "/prices", R"({"levelId":1,"days":36601,"price":1})"),
            Refusal(300, "参数 days 格式错误,应为1 到 36600 之间的整数"));
  EXPECT_EQ(refused("POST", "/prices", R"({"levelId":1,"days":30})"), Refusal(300, "缺少参数 price"));
  EXPECT_EQ(refused("POST", "/prices", R"({"levelId":1,"days":30,"price":0})"),
            Refusal(300, "参数 price 格式错误,应为大于 0 的金额"));
  EXPECT_EQ(refused("POST", "/prices", R"({"levelId":1,"days":30,"price":"1.001"})"),
            Refusal(300, "参数 price 格式错误,应为不超过两位小数的非负金额"));
  EXPECT_EQ(refused("POST", "/prices", R"({"levelId":1,"days":30,"price":1,"autoRenew":"maybe"})"),
            Refusal(300, "参数 autoRenew 格式错误,应为true 或 false"));
  EXPECT_EQ(refused("POST", "/prices", R"({"levelId":5,"days":30,"price":1})"), Refusal(700, "会员等级 5 不存在"));
  EXPECT_EQ(refused("PUT", "/prices", R"({"id":3,"levelId":1,"days":30,"price":1})"),
            Refusal(700, "会员价格项 3 不存在"));
  h.setFactory(2);
  EXPECT_EQ(refused("POST", "/prices", R"({"levelId":1,"days":30,"price":1})"), Refusal(700, "会员等级 1 不存在"));
  h.setFactory(1);
  EXPECT_EQ(count("membership_prices"), 0);
}

TEST_F(AdminRoutesTest, MembersPurchasesAndRenewalsAreListed) {
  const auto gold = addLevel("黄金会员");
  const auto monthly = addPrice(gold, 30, "10", true);
  h.users().add(2, "别人");
  h.ledger().balance_ = 1000;
  ASSERT_EQ(h.execute(6, buy(monthly, true)).status, Status::Done);
  h.setUser(2);
  h.ledger(2).balance_ = 1000;
  ASSERT_EQ(h.execute(6, buy(monthly)).status, Status::Done);

  const auto all = array(call("GET", "/members", "{}"));
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ(all->getObject(0)->getValue<Poco::Int64>("userId"), 2);  // newest first
  EXPECT_EQ(all->getObject(0)->getValue<std::string>("levelName"), "黄金会员");
  const auto mine = array(call("GET", "/members", R"({"userId":1})"));
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_TRUE(mine->getObject(0)->getValue<bool>("isAutoRenew"));
  EXPECT_EQ(array(call("GET", "/purchases", R"({"userId":2})"))->size(), 1u);
  EXPECT_EQ(array(call("GET", "/purchases", R"({"pageSize":1,"page":2})"))->size(), 1u);
  EXPECT_EQ(array(call("GET", "/renewals", "{}"))->size(), 0u);
  EXPECT_EQ(refused("GET", "/members", R"({"userId":77})"), Refusal(700, "用户 77 不存在"));
  EXPECT_EQ(refused("GET", "/renewals", R"({"page":0})"), Refusal(300, "参数 page 格式错误,应为正整数"));
}

}  // namespace
}  // namespace paynext::plugins::membership::test
