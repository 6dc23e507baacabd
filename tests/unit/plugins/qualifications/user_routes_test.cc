#include "plugins/qualifications/user_routes.h"

#include "qualifications_test_support.h"

namespace paynext::plugins::qualifications::test {
namespace {

using sdk::Audience;

class UserRoutesTest : public QualificationsTest {
 protected:
  sdk::RouteResponse my(const std::string& params = "{}") {
    return h.callAs(Audience::User, "GET", "/qualifications/my", params);
  }
  sdk::RouteResponse purchases(const std::string& params = "{}") {
    return h.callAs(Audience::User, "GET", "/qualifications/purchases", params);
  }
};

TEST_F(UserRoutesTest, OffersListWhatIsOnSaleWithoutALogin) {
  h.setUser(0);
  auto r = h.callAs(Audience::Public, "GET", "/qualifications/offers", "{}");
  EXPECT_EQ(r.code, 700);
  EXPECT_EQ(r.msg, "暂无数据");
  offer(12, "99.90", 30);
  offer(13, "10", 30, false);
  offer(14, "1288", 0);
  r = h.callAs(Audience::Public, "GET", "/qualifications/offers", "{}");
  ASSERT_EQ(r.code, 0) << r.msg;
  const auto list = array(r);
  ASSERT_EQ(list->size(), 2u);
  const auto leader = list->getObject(0);
  EXPECT_EQ(leader->getValue<int>("type"), 12);
  EXPECT_EQ(leader->getValue<std::string>("kind"), "leader");
  EXPECT_EQ(leader->getValue<std::string>("name"), "社区团购团长");
  EXPECT_DOUBLE_EQ(leader->getValue<double>("price"), 99.9);
  EXPECT_EQ(leader->getValue<int>("days"), 30);
  EXPECT_FALSE(leader->getValue<bool>("permanent"));
  const auto teamLeader = list->getObject(1);
  EXPECT_EQ(teamLeader->getValue<std::string>("kind"), "team_leader");
  EXPECT_TRUE(teamLeader->getValue<bool>("permanent"));
  EXPECT_EQ(teamLeader->getValue<int>("days"), 0);
}

TEST_F(UserRoutesTest, MyListsTheCallersQualificationsWithTheirExpiryInChinaTime) {
  auto r = my();
  EXPECT_EQ(r.code, 700);
  EXPECT_EQ(r.msg, "您还没有购买任何资格");
  offer(14, "1", 30);
  offer(13, "1", 0);
  h.ledger().balance_ = 1000;
  ASSERT_EQ(buy(14).status, Status::Done);
  ASSERT_EQ(buy(13).status, Status::Done);
  r = my();
  ASSERT_EQ(r.code, 0) << r.msg;
  const auto list = array(r);
  ASSERT_EQ(list->size(), 2u);
  // By type.
  const auto distributor = list->getObject(0);
  EXPECT_EQ(distributor->getValue<int>("type"), 13);
  EXPECT_EQ(distributor->getValue<std::string>("name"), "分销商");
  EXPECT_TRUE(distributor->getValue<bool>("permanent"));
  EXPECT_EQ(distributor->getValue<std::string>("dateEnd"), "永久");
  EXPECT_TRUE(distributor->getValue<bool>("active"));
  const auto teamLeader = list->getObject(1);
  // The harness clock is 2023-11-14 22:13:20 UTC, 2023-11-15 06:13:20 in China.
  EXPECT_EQ(teamLeader->getValue<std::string>("dateEnd"), "2023-12-15 06:13:20");
  EXPECT_EQ(teamLeader->getValue<Poco::Int64>("expiresAt"), h.clock().now + 30 * kDayMs);
  EXPECT_EQ(teamLeader->getValue<Poco::Int64>("grantedAt"), h.clock().now);
  EXPECT_TRUE(teamLeader->getValue<bool>("active"));
  // Expired qualifications stay listed, inactive.
  h.clock().advance(31 * kDayMs);
  EXPECT_FALSE(array(my())->getObject(1)->getValue<bool>("active"));
  EXPECT_TRUE(array(my())->getObject(0)->getValue<bool>("active"));
}

TEST_F(UserRoutesTest, MyFiltersByTypeAndShowsNoOneElses) {
  offer(12, "1", 30);
  h.ledger().balance_ = 100;
  ASSERT_EQ(buy(12).status, Status::Done);
  auto r = my(R"({"type":"12"})");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(array(r)->size(), 1u);
  r = my(R"({"type":13})");
  EXPECT_EQ(r.code, 700);
  EXPECT_EQ(r.msg, "您还没有「分销商」资格");
  r = my(R"({"type":15})");
  EXPECT_EQ(r.code, 300);
  EXPECT_EQ(r.msg, "参数 type 格式错误,应为12、13 或 14");
  h.setUser(2);
  EXPECT_EQ(my().code, 700);
  h.setUser(1);
  h.setFactory(2);
  EXPECT_EQ(my().code, 700);
  h.setUser(0);
  r = my();
  EXPECT_EQ(r.code, 2000);
  EXPECT_EQ(r.msg, "请先登录");
}

TEST_F(UserRoutesTest, PurchasesArePagedNewestFirst) {
  EXPECT_EQ(purchases().code, 700);
  offer(12, "1", 30);
  offer(13, "2.50", 30);
  h.ledger().balance_ = 1000;
  const auto first = h.newPayment();
  ASSERT_EQ(h.execute(12, "{}", first).status, Status::Done);
  ASSERT_EQ(buy(13).status, Status::Done);
  ASSERT_EQ(buy(12).status, Status::Done);
  auto r = purchases(R"({"pageSize":2})");
  ASSERT_EQ(r.code, 0) << r.msg;
  auto list = array(r);
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ(list->getObject(0)->getValue<int>("type"), 12);
  EXPECT_EQ(list->getObject(1)->getValue<int>("type"), 13);
  EXPECT_DOUBLE_EQ(list->getObject(1)->getValue<double>("amount"), 2.5);
  r = purchases(R"({"page":2,"pageSize":2})");
  ASSERT_EQ(r.code, 0) << r.msg;
  list = array(r);
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(list->getObject(0)->getValue<std::string>("reference"), "qualifications:" + first.key);
  EXPECT_EQ(list->getObject(0)->getValue<std::string>("dateEnd"), "2023-12-15 06:13:20");
  EXPECT_EQ(purchases(R"({"type":13})").data.extract<Poco::JSON::Array::Ptr>()->size(), 1u);
  EXPECT_EQ(purchases(R"({"page":3,"pageSize":2})").code, 700);
  r = purchases(R"({"pageSize":101})");
  EXPECT_EQ(r.code, 300);
  EXPECT_EQ(r.msg, "参数 pageSize 格式错误,应为1 到 100 之间的整数");
  h.setUser(2);
  EXPECT_EQ(purchases().code, 700);
}

}  // namespace
}  // namespace paynext::plugins::qualifications::test
