#include "plugins/shopbill/user_routes.h"

#include "shopbill_test_support.h"

namespace paynext::plugins::shopbill::test {
namespace {

class UserRoutesTest : public ShopbillTest {
 protected:
  sdk::RouteResponse user(const std::string& path, const std::string& params) {
    return h.callAs(sdk::Audience::User, "POST", path, params);
  }
};

TEST_F(UserRoutesTest, ShopsListsTheShopsTakingBillsWithTheirRules) {
  EXPECT_EQ(user("/shopbill/shops", "{}").code, 700);
  addShop("东门店", R"("percentOff":12,"tiers":[{"threshold":"100","off":"10"}],"dateEnd":"2030-01-01")");
  const auto off = addShop("关店");
  replaceShop(off, "关店", R"("enabled":false)");
  addShop("西门店");
  const auto r = user("/shopbill/shops", "{}");
  ASSERT_EQ(r.code, 0) << r.msg;
  const auto list = array(r);
  ASSERT_EQ(list->size(), 2u);
  const auto east = list->getObject(0);
  EXPECT_EQ(east->getValue<std::string>("name"), "东门店");
  EXPECT_EQ(east->getValue<int>("percentOff"), 12);
  EXPECT_DOUBLE_EQ(east->getArray("tiers")->getObject(0)->getValue<double>("threshold"), 100);
  EXPECT_DOUBLE_EQ(east->getArray("tiers")->getObject(0)->getValue<double>("off"), 10);
  EXPECT_EQ(east->getValue<std::string>("dateStart"), "");
  EXPECT_EQ(east->getValue<std::string>("dateEnd"), "2030-01-01 23:59:59");
  EXPECT_TRUE(east->getValue<bool>("discountActive"));
  EXPECT_FALSE(east->has("enabled"));
  EXPECT_FALSE(list->getObject(1)->getValue<bool>("discountActive"));  // no rule
  // Paged.
  const auto second = user("/shopbill/shops", R"({"page":2,"pageSize":1})");
  ASSERT_EQ(second.code, 0);
  EXPECT_EQ(array(second)->getObject(0)->getValue<std::string>("name"), "西门店");
  EXPECT_EQ(user("/shopbill/shops", R"({"page":3,"pageSize":1})").code, 700);
  const auto bad = user("/shopbill/shops", R"({"pageSize":101})");
  EXPECT_EQ(bad.code, 300);
  EXPECT_EQ(bad.msg, "参数 pageSize 格式错误,应为1 到 100 之间的整数");
}

TEST_F(UserRoutesTest, QuoteAnswersWhatTheStepWillNeed) {
  const auto shop =
      addShop("东门店", R"("percentOff":12,"tiers":[{"threshold":"100","off":"10"},{"threshold":"200","off":"30"}])");
  const auto r = user("/shopbill/quote", R"({"shopId":)" + std::to_string(shop) + R"(,"money":"250"})");
  ASSERT_EQ(r.code, 0) << r.msg;
  const auto q = object(r);
  EXPECT_EQ(q->getValue<Poco::Int64>("shopId"), shop);
  EXPECT_EQ(q->getValue<std::string>("shopName"), "东门店");
  EXPECT_DOUBLE_EQ(q->getValue<double>("money"), 250);
  EXPECT_DOUBLE_EQ(q->getValue<double>("tierDiscount"), 30);
  EXPECT_DOUBLE_EQ(q->getValue<double>("percentDiscount"), 26.4);
  EXPECT_DOUBLE_EQ(q->getValue<double>("discount"), 56.4);
  EXPECT_DOUBLE_EQ(q->getValue<double>("due"), 193.6);
  EXPECT_TRUE(q->getValue<bool>("discountActive"));
  // The same number validate returns, for any bill.
  for (const std::string money : {"0.01", "99.99", "100", "199.99", "200", "1234.56"}) {
    const auto quoted = object(user("/shopbill/quote", step(shop, money)))->getValue<double>("due");
    EXPECT_EQ(sdk::parseYuan(quoted), h.validate(4, step(shop, money))) << money;
  }
  EXPECT_TRUE(bills().empty());
}

TEST_F(UserRoutesTest, QuoteOutsideTheRulesDatesHasNoDiscount) {
  const auto shop = addShop("南门店", R"("percentOff":10,"dateEnd":"2023-11-14")");
  const auto q = object(user("/shopbill/quote", step(shop, "100")));
  EXPECT_DOUBLE_EQ(q->getValue<double>("due"), 100);
  EXPECT_DOUBLE_EQ(q->getValue<double>("discount"), 0);
  EXPECT_FALSE(q->getValue<bool>("discountActive"));
}

TEST_F(UserRoutesTest, QuoteRefusesWhatValidateRefuses) {
  const auto shop = addShop("东门店");
  EXPECT_EQ(user("/shopbill/quote", R"({"money":"1"})").msg, "缺少参数 shopId");
  EXPECT_EQ(user("/shopbill/quote", R"({"shopId":1})").msg, "缺少参数 money");
  EXPECT_EQ(user("/shopbill/quote", step(shop, "0")).msg,
            "参数 money 格式错误,应为大于 0 且不超过 100000.00 元的优惠前消费金额");
  const auto unknown = user("/shopbill/quote", step(42, "1"));
  EXPECT_EQ(unknown.code, 700);
  EXPECT_EQ(unknown.msg, "门店 42 不存在");
  replaceShop(shop, "东门店", R"("enabled":false)");
  const auto off = user("/shopbill/quote", step(shop, "1"));
  EXPECT_EQ(off.code, 300);
  EXPECT_EQ(off.msg, "门店「东门店」已停用,暂不能买单");
  h.setUser(0);
  EXPECT_EQ(user("/shopbill/quote", step(shop, "1")).code, 2000);
}

TEST_F(UserRoutesTest, BillsListsTheCallersOwnNewestFirst) {
  const auto east = addShop("东门店", R"("percentOff":10)"), west = addShop("西门店");
  EXPECT_EQ(user("/shopbill/bills", "{}").code, 700);
  h.ledger().balance_ = 10000;
  ASSERT_EQ(h.execute(4, step(east, "10")).status, Status::Done);
  h.clock().advance(60000);
  ASSERT_EQ(h.execute(4, step(west, "2.50")).status, Status::Done);
  h.setUser(2);
  h.ledger().balance_ = 10000;
  ASSERT_EQ(h.execute(4, step(east, "1")).status, Status::Done);
  h.setUser(1);
  const auto r = user("/shopbill/bills", "{}");
  ASSERT_EQ(r.code, 0) << r.msg;
  const auto list = array(r);
  ASSERT_EQ(list->size(), 2u);
  const auto latest = list->getObject(0);
  EXPECT_EQ(latest->getValue<std::string>("shopName"), "西门店");
  EXPECT_DOUBLE_EQ(latest->getValue<double>("money"), 2.5);
  EXPECT_EQ(latest->getValue<std::string>("dateAdd"), "2023-11-15 06:14:20");
  const auto first = list->getObject(1);
  EXPECT_EQ(first->getValue<Poco::Int64>("shopId"), east);
  EXPECT_DOUBLE_EQ(first->getValue<double>("money"), 10);
  EXPECT_DOUBLE_EQ(first->getValue<double>("discount"), 1);
  EXPECT_DOUBLE_EQ(first->getValue<double>("paid"), 9);
  EXPECT_FALSE(first->has("stepKey"));
  const auto paged = user("/shopbill/bills", R"({"page":2,"pageSize":1})");
  ASSERT_EQ(paged.code, 0);
  EXPECT_EQ(array(paged)->getObject(0)->getValue<std::string>("shopName"), "东门店");
  // Another factory's user with the same id sees none of them.
  h.setFactory(2);
  EXPECT_EQ(user("/shopbill/bills", "{}").code, 700);
}

}  // namespace
}  // namespace paynext::plugins::shopbill::test
