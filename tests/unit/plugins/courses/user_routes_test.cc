#include "plugins/courses/user_routes.h"

#include "courses_test_support.h"

namespace paynext::plugins::courses::test {
namespace {

class CoursesUserRoutesTest : public CoursesTest {
 protected:
  sdk::RouteResponse user(const std::string& method, const std::string& path, const std::string& params) {
    return h.callAs(sdk::Audience::User, method, path, params);
  }
  sdk::RouteResponse anyone(const std::string& path, const std::string& params) {
    return h.callAs(sdk::Audience::Public, "GET", path, params);
  }
  sdk::RouteResponse withdraw(std::int64_t course) {
    return admin("PUT", "/courses", "{\"id\":" + std::to_string(course) +
                                        R"(,"title":"摄影入门","price":1,"seats":10,"dateStart":"2023-12-01",)"
                                        R"("dateEnd":"2023-12-31","onSale":false})");
  }
};

TEST_F(CoursesUserRoutesTest, EveryRouteIsUnderTheModulesName) {
  for (const auto& r : userRoutes()) {
    EXPECT_EQ(r.path.rfind("/courses/", 0), 0u) << r.path;
    EXPECT_NE(r.audience, sdk::Audience::Admin) << r.path;
  }
}

TEST_F(CoursesUserRoutesTest, AnyoneListsTheCoursesOnSaleWithTheirSeats) {
  EXPECT_EQ(anyone("/courses/list", "{}").code, 700);
  const auto first = addCourse("99.90", 3);
  const auto second = addCourse("10", 1, "书法");
  addCourse("1", 1, "下架课");
  ASSERT_EQ(withdraw(3).code, 0);
  ASSERT_EQ(pay(buy(second)).status, Status::Done);
  h.setUser(0);
  auto r = anyone("/courses/list", "{}");
  ASSERT_EQ(r.code, 0) << r.msg;
  ASSERT_EQ(array(r)->size(), 2u);
  auto c = array(r)->getObject(0);
  EXPECT_EQ(c->getValue<std::int64_t>("id"), first);
  EXPECT_EQ(c->getValue<std::string>("title"), "摄影入门");
  EXPECT_DOUBLE_EQ(c->getValue<double>("price"), 99.9);
  EXPECT_EQ(c->getValue<int>("seats"), 3);
  EXPECT_EQ(c->getValue<int>("seatsLeft"), 3);
  EXPECT_EQ(c->getValue<std::string>("dateStart"), "2023-12-01 09:00:00");
  EXPECT_EQ(c->getValue<std::string>("dateEnd"), "2023-12-31 23:59:59");
  EXPECT_FALSE(c->getValue<bool>("started"));
  c = array(r)->getObject(1);
  EXPECT_EQ(c->getValue<int>("seatsTaken"), 1);
  EXPECT_EQ(c->getValue<int>("seatsLeft"), 0);
  r = anyone("/courses/list", R"({"page":2,"pageSize":1})");
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<std::int64_t>("id"), second);
  EXPECT_EQ(anyone("/courses/list", R"({"page":3,"pageSize":1})").code, 700);
  r = anyone("/courses/list", R"({"pageSize":101})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "参数 pageSize 格式错误,应为1 到 100 之间的整数"));
}

TEST_F(CoursesUserRoutesTest, AnyoneSeesOneCourse) {
  const auto course = addCourse("5", 3);
  auto r = anyone("/courses/detail", "{\"id\":" + std::to_string(course) + "}");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(object(r)->getValue<std::string>("title"), "摄影入门");
  r = anyone("/courses/detail", R"({"id":9})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(700, "课程 9 不存在"));
  r = anyone("/courses/detail", "{}");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "缺少参数 id"));
  h.setFactory(2);
  r = anyone("/courses/detail", "{\"id\":" + std::to_string(course) + "}");
  EXPECT_EQ(r.code, 700);
}

TEST_F(CoursesUserRoutesTest, BuyMakesOneUnpaidRecordAtTheCoursesPrice) {
  const auto course = addCourse("12.50", 3);
  auto r = user("POST", "/courses/buy", "{\"courseId\":\"" + std::to_string(course) + "\"}");
  ASSERT_EQ(r.code, 0) << r.msg;
  const auto purchase = object(r);
  EXPECT_EQ(purchase->getValue<std::int64_t>("id"), 1);
  EXPECT_EQ(purchase->getValue<std::int64_t>("courseId"), course);
  EXPECT_EQ(purchase->getValue<std::string>("title"), "摄影入门");
  EXPECT_DOUBLE_EQ(purchase->getValue<double>("price"), 12.5);
  EXPECT_EQ(purchase->getValue<std::string>("status"), "UNPAID");
  EXPECT_EQ(purchase->getValue<std::int64_t>("createdAt"), h.clock().now);
  // Asked again while unpaid: the same record.
  r = user("POST", "/courses/buy", "{\"courseId\":" + std::to_string(course) + "}");
  EXPECT_EQ(object(r)->getValue<std::int64_t>("id"), 1);
  EXPECT_EQ(purchases(), std::vector<std::string>{"1/1/1/UNPAID/0/"});
}

TEST_F(CoursesUserRoutesTest, BuyRefusesWhatCannotBeBoughtAndStoresNothing) {
  const auto full = addCourse("1", 1, "满员课");
  ASSERT_EQ(pay(buy(full, kOther), kOther).status, Status::Done);
  const auto offSale = addCourse("1", 10);
  ASSERT_EQ(withdraw(offSale).code, 0);
  const auto started = addCourse("1", 10, "已开课", "2023-11-15");
  const auto enrolled = addCourse("1", 10, "已报名");
  ASSERT_EQ(pay(buy(enrolled)).status, Status::Done);
  const auto before = purchases();
  h.setUser(kUser);
  const std::vector<std::pair<std::string, Refusal>> cases = {
      {"{}", {300, "缺少参数 courseId"}},
      {R"({"courseId":"x"})", {300, "参数 courseId 格式错误,应为整数"}},
      {R"({"courseId":0})", {300, "参数 courseId 格式错误,应为正整数"}},
      {R"({"courseId":99})", {700, "课程 99 不存在"}},
      {"{\"courseId\":" + std::to_string(full) + "}", {300, "课程「满员课」名额已满"}},
      {"{\"courseId\":" + std::to_string(offSale) + "}", {300, "课程「摄影入门」已下架"}},
      {"{\"courseId\":" + std::to_string(started) + "}", {300, "课程「已开课」已开课,不能再购买"}},
      {"{\"courseId\":" + std::to_string(enrolled) + "}", {300, "您已报名课程「已报名」,不能重复购买"}},
  };
  for (const auto& [params, expected] : cases) {
    const auto r = user("POST", "/courses/buy", params);
    EXPECT_EQ(Refusal(r.code, r.msg), expected) << params;
  }
  EXPECT_EQ(purchases(), before);
  h.setUser(0);
  const auto r = user("POST", "/courses/buy", "{\"courseId\":" + std::to_string(enrolled) + "}");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(2000, "请先登录"));
  h.setUser(kUser);
  h.setFactory(2);
  EXPECT_EQ(user("POST", "/courses/buy", "{\"courseId\":" + std::to_string(enrolled) + "}").code, 700);
  EXPECT_EQ(purchases(), before);
}

TEST_F(CoursesUserRoutesTest, UsersListTheirOwnPurchases) {
  EXPECT_EQ(user("GET", "/courses/my/purchases", "{}").code, 700);
  const auto photo = addCourse("5", 10);
  const auto calligraphy = addCourse("6", 10, "书法");
  buy(photo, kOther);
  const auto paid = buy(photo);
  ASSERT_EQ(pay(paid).status, Status::Done);
  const auto unpaid = buy(calligraphy);
  auto r = user("GET", "/courses/my/purchases", "{}");
  ASSERT_EQ(r.code, 0) << r.msg;
  ASSERT_EQ(array(r)->size(), 2u);  // newest first, none of the other user's
  auto p = array(r)->getObject(0);
  EXPECT_EQ(p->getValue<std::int64_t>("id"), unpaid);
  EXPECT_EQ(p->getValue<std::string>("title"), "书法");
  EXPECT_DOUBLE_EQ(p->getValue<double>("price"), 6);
  EXPECT_EQ(p->getValue<std::string>("status"), "UNPAID");
  p = array(r)->getObject(1);
  EXPECT_EQ(p->getValue<std::int64_t>("id"), paid);
  EXPECT_EQ(p->getValue<std::string>("status"), "PAID");
  EXPECT_DOUBLE_EQ(p->getValue<double>("amount"), 5);
  EXPECT_EQ(p->getValue<std::int64_t>("paidAt"), h.clock().now);
  r = user("GET", "/courses/my/purchases", R"({"status":"PAID"})");
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<std::int64_t>("id"), paid);
  EXPECT_EQ(user("GET", "/courses/my/purchases", R"({"status":"CANCELLED"})").code, 700);
  r = user("GET", "/courses/my/purchases", R"({"pageSize":1,"page":2})");
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<std::int64_t>("id"), paid);
  r = user("GET", "/courses/my/purchases", R"({"status":"paid"})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "参数 status 格式错误,应为UNPAID、PAID 或 CANCELLED"));
  r = user("GET", "/courses/my/purchases", R"({"page":0})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "参数 page 格式错误,应为正整数"));
}

TEST_F(CoursesUserRoutesTest, UsersListTheCoursesTheyAreEnrolledIn) {
  const auto photo = addCourse("5", 10);
  const auto calligraphy = addCourse("6", 10, "书法");
  buy(photo);
  EXPECT_EQ(user("GET", "/courses/my/courses", "{}").code, 700);  // unpaid is not enrolled
  const auto paid = buy(calligraphy);
  ASSERT_EQ(pay(paid).status, Status::Done);
  auto r = user("GET", "/courses/my/courses", "{}");
  ASSERT_EQ(r.code, 0) << r.msg;
  ASSERT_EQ(array(r)->size(), 1u);
  const auto c = array(r)->getObject(0);
  EXPECT_EQ(c->getValue<std::int64_t>("id"), calligraphy);
  EXPECT_EQ(c->getValue<std::string>("title"), "书法");
  EXPECT_EQ(c->getValue<std::int64_t>("purchaseId"), paid);
  EXPECT_EQ(c->getValue<std::int64_t>("paidAt"), h.clock().now);
  EXPECT_EQ(c->getValue<int>("seatsTaken"), 1);
  h.setUser(kOther);
  EXPECT_EQ(user("GET", "/courses/my/courses", "{}").code, 700);
  r = user("GET", "/courses/my/courses", R"({"pageSize":0})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "参数 pageSize 格式错误,应为1 到 100 之间的整数"));
}

TEST_F(CoursesUserRoutesTest, UsersCancelAnUnpaidPurchaseOnly) {
  const auto course = addCourse("5", 10);
  const auto purchase = buy(course);
  h.clock().advance(1000);
  auto r = user("POST", "/courses/purchase/cancel", params(purchase));
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(object(r)->getValue<std::string>("status"), "CANCELLED");
  EXPECT_EQ(object(r)->getValue<std::int64_t>("cancelledAt"), h.clock().now);
  r = user("POST", "/courses/purchase/cancel", params(purchase));
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "课程购买记录 1 已取消"));
  // Buying again after cancelling makes a new record.
  const auto again = buy(course);
  EXPECT_EQ(again, 2);
  ASSERT_EQ(pay(again).status, Status::Done);
  r = user("POST", "/courses/purchase/cancel", params(again));
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "课程购买记录 2 已支付"));
  const auto theirs = buy(course, kOther);
  h.setUser(kUser);
  r = user("POST", "/courses/purchase/cancel", params(theirs));
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(700, "课程购买记录 3 不存在"));
  r = user("POST", "/courses/purchase/cancel", "{}");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "缺少参数 id"));
  EXPECT_EQ(purchases(), (std::vector<std::string>{"1/1/1/CANCELLED/0/", "1/1/1/PAID/500/PNSTEP1-0",
                                                   "1/2/1/UNPAID/0/"}));
  EXPECT_EQ(courses(), std::vector<std::string>{"1/摄影入门/500/10/1/1"});
}

}  // namespace
}  // namespace paynext::plugins::courses::test
