#include "plugins/coupons/user_routes.h"

#include "coupons_test_support.h"

namespace paynext::plugins::coupons::test {
namespace {

using sdk::Audience;
constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;

class UserRoutesTest : public CouponsTest {
 protected:
  Poco::JSON::Array::Ptr array(const sdk::RouteResponse& r) { return r.data.extract<Poco::JSON::Array::Ptr>(); }
};

TEST_F(UserRoutesTest, RoutesAreForUsersAndTheClaimableListIsPublic) {
  const auto routes = userRoutes();
  ASSERT_EQ(routes.size(), 2u);
  EXPECT_EQ(routes[0].path, "/coupons/my");
  EXPECT_EQ(routes[0].audience, Audience::User);
  EXPECT_EQ(routes[1].path, "/coupons/rules");
  EXPECT_EQ(routes[1].audience, Audience::Public);
  for (const auto& r : routes) EXPECT_FALSE(r.writes);
}

TEST_F(UserRoutesTest, MyCouponsListsTheCallersByStatus) {
  const auto a = addRule();
  const auto b = addRule(R"("name":"八五折","kind":"discount","rate":85,"validDays":30,"stock":5,"perUser":0)");
  const auto old = claim(a);
  const auto kept = claim(b);
  const auto spent = claim(b);
  auto scope = h.scope();
  CouponsServiceImpl().redeem(scope, 1, {spent}, 100, "order:1");
  h.setUser(2);
  claim(b);  // another user's
  h.setUser(1);
  h.clock().advance(8 * kDayMs);  // the 7-day coupon expires

  auto r = h.callAs(Audience::User, "POST", "/coupons/my", "{}");
  ASSERT_EQ(r.code, 0) << r.msg;
  ASSERT_EQ(array(r)->size(), 3u);
  const auto first = array(r)->getObject(0);
  std::ostringstream out;
  first->stringify(out);
  EXPECT_EQ(out.str(), R"({"id":)" + std::to_string(spent) +
                           R"(,"ruleId":2,"name":"八五折","kind":"discount","rate":85,"minAmount":0,)"
                           R"("dateStart":"2023-11-15 06:13:20","dateEnd":"2023-12-15 06:13:20","status":"used",)"
                           R"("createdAt":1700000000000})");
  const auto last = array(r)->getObject(2);
  EXPECT_EQ(last->getValue<Poco::Int64>("id"), old);
  EXPECT_EQ(last->getValue<double>("money"), 10.0);  // yuan
  EXPECT_EQ(last->getValue<double>("minAmount"), 100.0);
  EXPECT_EQ(last->getValue<std::string>("status"), "expired");

  r = h.callAs(Audience::User, "GET", "/coupons/my", R"({"status":"usable"})");
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<Poco::Int64>("id"), kept);
  r = h.callAs(Audience::User, "GET", "/coupons/my", R"({"status":"used"})");
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<Poco::Int64>("id"), spent);
  r = h.callAs(Audience::User, "GET", "/coupons/my", R"({"status":"expired"})");
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<Poco::Int64>("id"), old);
  r = h.callAs(Audience::User, "GET", "/coupons/my", R"({"page":2,"pageSize":2})");
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<Poco::Int64>("id"), old);
}

TEST_F(UserRoutesTest, MyCouponsRefusals) {
  auto r = h.callAs(Audience::User, "GET", "/coupons/my", "{}");
  EXPECT_EQ(r.code, 700);
  EXPECT_EQ(r.msg, "暂无数据");
  r = h.callAs(Audience::User, "GET", "/coupons/my", R"({"status":"all"})");
  EXPECT_EQ(r.code, 300);
  EXPECT_EQ(r.msg, "参数 status 格式错误,应为usable、used 或 expired");
  r = h.callAs(Audience::User, "GET", "/coupons/my", R"({"pageSize":101})");
  EXPECT_EQ(r.msg, "参数 pageSize 格式错误,应为1 到 100 之间的整数");
  r = h.callAs(Audience::User, "GET", "/coupons/my", R"({"page":0})");
  EXPECT_EQ(r.msg, "参数 page 格式错误,应为正整数");
  h.setUser(0);
  r = h.callAs(Audience::User, "GET", "/coupons/my", "{}");
  EXPECT_EQ(r.code, 2000);
  EXPECT_EQ(r.msg, "请先登录");
}

TEST_F(UserRoutesTest, RulesListsWhatCanBeClaimedWithoutPasswords) {
  EXPECT_EQ(h.callAs(Audience::Public, "GET", "/coupons/rules", "{}").code, 700);
  addRule(std::string(kRuleBody) + R"(,"pwd":"芝麻开门","price":250)");
  addRule(std::string(kRuleBody) + R"(,"enabled":false)");
  addRule(R"("name":"已结束","kind":"reduce","money":1,"dateEnd":"2023-11-01","stock":5)");
  addRule(R"("name":"已领完","kind":"reduce","money":1,"validDays":1,"stock":0)");
  h.setFactory(2);
  addRule();
  h.setFactory(1);
  h.setUser(0);  // no login needed
  const auto r = h.callAs(Audience::Public, "GET", "/coupons/rules", "{}");
  ASSERT_EQ(r.code, 0) << r.msg;
  ASSERT_EQ(array(r)->size(), 1u);
  std::ostringstream out;
  array(r)->getObject(0)->stringify(out);
  EXPECT_EQ(out.str(), R"({"id":1,"name":"满100减10","kind":"reduce","money":10,"minAmount":100,"dateStart":"",)"
                       R"("dateEnd":"","validDays":7,"left":5,"perUser":1,"needPwd":true,"price":2.5})");
}

}  // namespace
}  // namespace paynext::plugins::coupons::test
