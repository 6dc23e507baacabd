#include "plugins/coupons/admin_routes.h"

#include "coupons_test_support.h"

namespace paynext::plugins::coupons::test {
namespace {

using sdk::Audience;

class AdminRoutesTest : public CouponsTest {
 protected:
  sdk::RouteResponse admin(const std::string& method, const std::string& path, const std::string& json) {
    return h.callAs(Audience::Admin, method, path, json);
  }
  Poco::JSON::Object::Ptr object(const sdk::RouteResponse& r) { return r.data.extract<Poco::JSON::Object::Ptr>(); }
  Poco::JSON::Array::Ptr array(const sdk::RouteResponse& r) { return r.data.extract<Poco::JSON::Array::Ptr>(); }
};

TEST_F(AdminRoutesTest, RoutesAreForAdminsWithTitles) {
  const auto routes = adminRoutes();
  ASSERT_EQ(routes.size(), 4u);
  for (const auto& r : routes) EXPECT_EQ(r.audience, Audience::Admin);
  EXPECT_EQ(routes[0].method + " " + routes[0].path + " " + routes[0].title, "GET /rules 优惠券规则");
  EXPECT_EQ(routes[1].method + " " + routes[1].path + " " + routes[1].title, "POST /rules 优惠券规则");
  EXPECT_TRUE(routes[1].writes);
  EXPECT_EQ(routes[2].method + " " + routes[2].path + " " + routes[2].title, "PUT /rules 优惠券规则");
  EXPECT_TRUE(routes[2].writes);
  EXPECT_EQ(routes[3].method + " " + routes[3].path + " " + routes[3].title, "GET /issued 已发优惠券");
}

TEST_F(AdminRoutesTest, PostCreatesARuleAndGetShowsIt) {
  const auto r = admin("POST", "/rules",
                       R"({"name":"满100减10","kind":"reduce","money":"1000","minAmount":10000,"validDays":7,)"
                       R"("stock":100,"perUser":2,"pwd":"芝麻开门","price":250})");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(object(r)->getValue<Poco::Int64>("id"), 1);
  const std::string expected =
      R"({"id":1,"name":"满100减10","kind":"reduce","money":1000,"minAmount":10000,"dateStart":"","dateEnd":"",)"
      R"("validDays":7,"stock":100,"issued":0,"perUser":2,"pwd":"芝麻开门","price":250,"enabled":true,)"
      R"("createdAt":)" + std::to_string(h.clock().now) + "}";
  std::ostringstream out;
  object(r)->stringify(out);
  EXPECT_EQ(out.str(), expected);
  const auto one = admin("GET", "/rules", R"({"id":1})");
  ASSERT_EQ(one.code, 0);
  std::ostringstream again;
  object(one)->stringify(again);
  EXPECT_EQ(again.str(), expected);
  const auto dated = admin("POST", "/rules",
                           R"({"name":"八五折","kind":"discount","rate":85,"dateStart":"2023-12-01 08:00:00",)"
                           R"("dateEnd":"2023-12-31","stock":0})");
  ASSERT_EQ(dated.code, 0) << dated.msg;
  EXPECT_EQ(object(dated)->getValue<int>("rate"), 85);
  EXPECT_FALSE(object(dated)->has("money"));
  EXPECT_EQ(object(dated)->getValue<std::string>("dateStart"), "2023-12-01 08:00:00");
  EXPECT_EQ(object(dated)->getValue<std::string>("dateEnd"), "2023-12-31 23:59:59");
  EXPECT_EQ(object(dated)->getValue<Poco::Int64>("perUser"), 1);
  const auto all = admin("GET", "/rules", "{}");
  ASSERT_EQ(array(all)->size(), 2u);
  EXPECT_EQ(array(all)->getObject(1)->getValue<std::string>("name"), "八五折");
  EXPECT_EQ(count("coupons_rules"), 2);
}

TEST_F(AdminRoutesTest, PostRefusesBadRulesNamingTheFieldAndStoresNothing) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"kind":"reduce","money":1,"validDays":1,"stock":1})", "缺少参数 name"},
      {R"({"name":"x","money":1,"validDays":1,"stock":1})", "缺少参数 kind"},
      {R"({"name":"x","kind":"gift","validDays":1,"stock":1})", "参数 kind 格式错误,应为reduce(满减)或 discount(折扣)"},
      {R"({"name":"x","kind":"reduce","validDays":1,"stock":1})", "缺少参数 money"},
      {R"({"name":"x","kind":"reduce","money":0,"validDays":1,"stock":1})", "参数 money 格式错误,应为以分为单位的正整数"},
      {R"({"name":"x","kind":"reduce","money":"1.5","validDays":1,"stock":1})", "参数 money 格式错误,应为整数"},
      {R"({"name":"x","kind":"discount","rate":100,"validDays":1,"stock":1})",
       "参数 rate 格式错误,应为1 到 99 之间的整数(支付的百分比,85 为八五折)"},
      {R"({"name":"x","kind":"reduce","money":1,"minAmount":-1,"validDays":1,"stock":1})",
       "参数 minAmount 格式错误,应为以分为单位的非负整数"},
      {R"({"name":"x","kind":"reduce","money":1,"stock":1})", "缺少参数 dateEnd(或 validDays)"},
      {R"({"name":"x","kind":"reduce","money":1,"validDays":1,"dateEnd":"2024-01-01","stock":1})",
       "参数 validDays 与 dateStart/dateEnd 只能设置一种"},
      {R"({"name":"x","kind":"reduce","money":1,"dateEnd":"2024-02-30","stock":1})",
       "参数 dateEnd 格式错误,应为yyyy-MM-dd 或 yyyy-MM-dd HH:mm:ss 格式的时间"},
      {R"({"name":"x","kind":"reduce","money":1,"dateStart":"2024-02-01","dateEnd":"2024-01-01","stock":1})",
       "参数 dateEnd 格式错误,应为晚于 dateStart 的时间"},
      {R"({"name":"x","kind":"reduce","money":1,"validDays":1})", "缺少参数 stock"},
      {R"({"name":"x","kind":"reduce","money":1,"validDays":1,"stock":-1})",
       "参数 stock 格式错误,应为0 到 100000000 之间的整数"},
      {R"({"name":"x","kind":"reduce","money":1,"validDays":1,"stock":1,"perUser":-1})",
       "参数 perUser 格式错误,应为0 到 10000 之间的整数(0 为不限)"},
      {R"({"name":"x","kind":"reduce","money":1,"validDays":1,"stock":1,"price":-5})",
       "参数 price 格式错误,应为以分为单位的非负整数"},
      {R"({"name":"x","kind":"reduce","money":1,"validDays":1,"stock":1,"enabled":"yes"})",
       "参数 enabled 格式错误,应为true 或 false"},
  };
  for (const auto& [body, message] : cases) {
    const auto r = admin("POST", "/rules", body);
    EXPECT_EQ(r.code, 300) << body;
    EXPECT_EQ(r.msg, message) << body;
  }
  EXPECT_EQ(admin("POST", "/rules", R"({"name":")" + std::string(101, 'x') +
                                        R"(","kind":"reduce","money":1,"validDays":1,"stock":1})")
                .msg,
            "参数 name 不能超过 100 字节");
  EXPECT_EQ(count("coupons_rules"), 0);
}

TEST_F(AdminRoutesTest, PutReplacesTheRuleButNotIssuedCoupons) {
  const auto rule = addRule();
  claim(rule);
  const auto r = admin("PUT", "/rules",
                       R"({"id":1,"name":"满200减30","kind":"reduce","money":3000,"minAmount":20000,"validDays":3,)"
                       R"("stock":9,"perUser":0,"enabled":false})");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(object(r)->getValue<std::string>("name"), "满200减30");
  EXPECT_EQ(object(r)->getValue<Poco::Int64>("issued"), 1);  // kept
  EXPECT_EQ(object(r)->getValue<Poco::Int64>("stock"), 9);
  EXPECT_FALSE(object(r)->getValue<bool>("enabled"));
  // The coupon already held keeps the terms it was granted with.
  const auto held = admin("GET", "/issued", "{}");
  ASSERT_EQ(array(held)->size(), 1u);
  EXPECT_EQ(array(held)->getObject(0)->getValue<std::string>("name"), "满100减10");
  EXPECT_EQ(array(held)->getObject(0)->getValue<Poco::Int64>("money"), 1000);

  auto missing = admin("PUT", "/rules", std::string(R"({"id":9,)") + kRuleBody + "}");
  EXPECT_EQ(missing.code, 700);
  EXPECT_EQ(missing.msg, "优惠券规则 9 不存在");
  missing = admin("GET", "/rules", R"({"id":9})");
  EXPECT_EQ(missing.code, 700);
  EXPECT_EQ(missing.msg, "优惠券规则 9 不存在");
  auto bad = admin("PUT", "/rules", std::string("{") + kRuleBody + "}");
  EXPECT_EQ(bad.code, 300);
  EXPECT_EQ(bad.msg, "缺少参数 id");
  bad = admin("PUT", "/rules", R"({"id":1,"name":"x"})");
  EXPECT_EQ(bad.msg, "缺少参数 kind");
  EXPECT_EQ(object(admin("GET", "/rules", R"({"id":1})"))->getValue<std::string>("name"), "满200减30");
  // Another factory's rule cannot be replaced from here.
  h.setFactory(2);
  EXPECT_EQ(admin("PUT", "/rules", std::string(R"({"id":1,)") + kRuleBody + "}").code, 700);
  EXPECT_EQ(array(admin("GET", "/rules", "{}"))->size(), 0u);
}

TEST_F(AdminRoutesTest, IssuedListsGrantedCouponsWithFilters) {
  const auto a = addRule();
  const auto b = addRule(R"("name":"八五折","kind":"discount","rate":85,"validDays":30,"stock":5,"perUser":0)");
  claim(a);
  claim(b);
  h.setUser(2);
  claim(b);
  h.setFactory(2);
  h.setUser(1);
  claim(addRule());
  h.setFactory(1);

  auto all = admin("GET", "/issued", "{}");
  ASSERT_EQ(all.code, 0);
  ASSERT_EQ(array(all)->size(), 3u);
  const auto newest = array(all)->getObject(0);
  EXPECT_EQ(newest->getValue<Poco::Int64>("userId"), 2);
  EXPECT_EQ(newest->getValue<std::string>("status"), "usable");
  EXPECT_EQ(newest->getValue<std::string>("grantReference"), "coupons:PNSTEP3-0");
  EXPECT_EQ(array(admin("GET", "/issued", R"({"userId":1})"))->size(), 2u);
  EXPECT_EQ(array(admin("GET", "/issued", R"({"ruleId":2})"))->size(), 2u);
  EXPECT_EQ(array(admin("GET", "/issued", R"({"userId":"1","ruleId":"2"})"))->size(), 1u);
  EXPECT_EQ(array(admin("GET", "/issued", R"({"limit":1,"offset":2})"))->getObject(0)->getValue<Poco::Int64>("ruleId"),
            a);
  h.clock().advance(8LL * 24 * 3600 * 1000);
  EXPECT_EQ(array(admin("GET", "/issued", R"({"status":"expired"})"))->size(), 1u);
  EXPECT_EQ(array(admin("GET", "/issued", R"({"status":"usable"})"))->size(), 2u);
  EXPECT_EQ(array(admin("GET", "/issued", R"({"status":"used"})"))->size(), 0u);

  auto r = admin("GET", "/issued", R"({"userId":9})");
  EXPECT_EQ(r.code, 700);
  EXPECT_EQ(r.msg, "用户 9 不存在");
  r = admin("GET", "/issued", R"({"status":"gone"})");
  EXPECT_EQ(r.code, 300);
  EXPECT_EQ(r.msg, "参数 status 格式错误,应为usable、used 或 expired");
  r = admin("GET", "/issued", R"({"limit":501})");
  EXPECT_EQ(r.msg, "参数 limit 格式错误,应为1 到 500 之间的整数");
}

}  // namespace
}  // namespace paynext::plugins::coupons::test
