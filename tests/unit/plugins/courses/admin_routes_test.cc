#include "plugins/courses/admin_routes.h"

#include "courses_test_support.h"

namespace paynext::plugins::courses::test {
namespace {

class CoursesAdminRoutesTest : public CoursesTest {
 protected:
  static std::string course(const std::string& extra) {
    return R"({"title":"摄影入门","price":"99","seats":20,"dateStart":"2023-12-01 09:00:00","dateEnd":"2023-12-31")" +
           extra + "}";
  }
};

TEST_F(CoursesAdminRoutesTest, EveryAdminRouteHasAChineseTitle) {
  const std::map<std::string, std::string> titles = {
      {"/courses", "课程"}, {"/students", "已报名学员"}, {"/purchases", "课程购买记录"}};
  for (const auto& r : adminRoutes()) {
    EXPECT_EQ(r.audience, sdk::Audience::Admin);
    EXPECT_EQ(r.title, titles.at(r.path)) << r.path;
  }
}

TEST_F(CoursesAdminRoutesTest, PublishesListsAndReplacesCourses) {
  auto r = admin("POST", "/courses", course(R"(,"summary":"周末班")"));
  ASSERT_EQ(r.code, 0) << r.msg;
  auto c = object(r);
  EXPECT_EQ(c->getValue<std::int64_t>("id"), 1);
  EXPECT_EQ(c->getValue<std::string>("summary"), "周末班");
  EXPECT_DOUBLE_EQ(c->getValue<double>("price"), 99);
  EXPECT_EQ(c->getValue<int>("seats"), 20);
  EXPECT_EQ(c->getValue<int>("seatsTaken"), 0);
  EXPECT_EQ(c->getValue<std::string>("dateStart"), "2023-12-01 09:00:00");
  EXPECT_EQ(c->getValue<std::string>("dateEnd"), "2023-12-31 23:59:59");
  EXPECT_TRUE(c->getValue<bool>("onSale"));
  EXPECT_EQ(c->getValue<std::int64_t>("createdAt"), h.clock().now);

  ASSERT_EQ(pay(buy(1)).status, Status::Done);
  h.clock().advance(1000);
  r = admin("PUT", "/courses",
            R"({"id":"1","title":"摄影进阶","price":"88.80","seats":"1","dateStart":"2023-12-02",)"
            R"("dateEnd":"2023-12-03 18:00:00","onSale":"false"})");
  ASSERT_EQ(r.code, 0) << r.msg;
  c = object(r);
  EXPECT_EQ(c->getValue<std::string>("title"), "摄影进阶");
  EXPECT_EQ(c->getValue<std::string>("summary"), "");
  EXPECT_EQ(c->getValue<int>("seatsTaken"), 1);  // not the admin's to set
  EXPECT_EQ(c->getValue<int>("seatsLeft"), 0);
  EXPECT_EQ(c->getValue<std::string>("dateStart"), "2023-12-02 00:00:00");
  EXPECT_EQ(c->getValue<std::string>("dateEnd"), "2023-12-03 18:00:00");
  EXPECT_FALSE(c->getValue<bool>("onSale"));
  EXPECT_EQ(c->getValue<std::int64_t>("createdAt"), h.clock().now - 1000);
  EXPECT_EQ(c->getValue<std::int64_t>("updatedAt"), h.clock().now);
  r = admin("GET", "/courses", R"({"id":1})");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(object(r)->getValue<std::string>("title"), "摄影进阶");

  addCourse("1", 5, "书法");
  r = admin("GET", "/courses", "{}");
  ASSERT_EQ(r.code, 0) << r.msg;
  ASSERT_EQ(array(r)->size(), 2u);  // off sale ones too
  EXPECT_EQ(array(r)->getObject(0)->getValue<int>("seatsTaken"), 1);
  r = admin("GET", "/courses", R"({"limit":1,"offset":1})");
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<std::string>("title"), "书法");
  r = admin("GET", "/courses", R"({"limit":501})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "参数 limit 格式错误,应为1 到 500 之间的整数"));
}

TEST_F(CoursesAdminRoutesTest, RefusesBadCoursesNamingTheFieldAndStoresNothing) {
  const std::vector<std::pair<std::string, Refusal>> cases = {
      {R"({"price":1,"seats":1,"dateStart":"2023-12-01","dateEnd":"2023-12-02"})", {300, "缺少参数 title"}},
      {R"({"title":"t","seats":1,"dateStart":"2023-12-01","dateEnd":"2023-12-02"})", {300, "缺少参数 price"}},
      {R"({"title":"t","price":0,"seats":1,"dateStart":"2023-12-01","dateEnd":"2023-12-02"})",
       {300, "参数 price 格式错误,应为大于 0 的金额"}},
      {R"({"title":"t","price":"1.001","seats":1,"dateStart":"2023-12-01","dateEnd":"2023-12-02"})",
       {300, "参数 price 格式错误,应为不超过两位小数的非负金额"}},
      {R"({"title":"t","price":1,"dateStart":"2023-12-01","dateEnd":"2023-12-02"})", {300, "缺少参数 seats"}},
      {R"({"title":"t","price":1,"seats":0,"dateStart":"2023-12-01","dateEnd":"2023-12-02"})",
       {300, "参数 seats 格式错误,应为正整数"}},
      {R"({"title":"t","price":1,"seats":100001,"dateStart":"2023-12-01","dateEnd":"2023-12-02"})",
       {300, "参数 seats 格式错误,应为1 到 100000 之间的整数"}},
      {R"({"title":"t","price":1,"seats":1,"dateEnd":"2023-12-02"})", {300, "缺少参数 dateStart"}},
      {R"({"title":"t","price":1,"seats":1,"dateStart":"2023-13-01","dateEnd":"2023-12-02"})",
       {300, "参数 dateStart 格式错误,应为yyyy-MM-dd 或 yyyy-MM-dd HH:mm:ss 格式的时间"}},
      {R"({"title":"t","price":1,"seats":1,"dateStart":"2023-12-01"})", {300, "缺少参数 dateEnd"}},
      {R"({"title":"t","price":1,"seats":1,"dateStart":"2023-12-02 10:00:00","dateEnd":"2023-12-02 09:00:00"})",
       {300, "参数 dateEnd 格式错误,应为晚于 dateStart 的时间"}},
      {R"({"title":"t","price":1,"seats":1,"dateStart":"2023-12-01","dateEnd":"2023-12-02","onSale":"yes"})",
       {300, "参数 onSale 格式错误,应为true 或 false"}},
      {R"({"title":")" + std::string(201, 'x') +
           R"(","price":1,"seats":1,"dateStart":"2023-12-01","dateEnd":"2023-12-02"})",
       {300, "参数 title 不能超过 200 字节"}},
  };
  for (const auto& [params, expected] : cases) {
    const auto r = admin("POST", "/courses", params);
    EXPECT_EQ(Refusal(r.code, r.msg), expected) << params;
  }
  EXPECT_TRUE(courses().empty());
  auto r = admin("PUT", "/courses", course(""));
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "缺少参数 id"));
  r = admin("PUT", "/courses", course(R"(,"id":7)"));
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(700, "课程 7 不存在"));
  r = admin("GET", "/courses", R"({"id":7})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(700, "课程 7 不存在"));
  EXPECT_TRUE(courses().empty());
}

TEST_F(CoursesAdminRoutesTest, SeatsCannotDropBelowThoseTaken) {
  const auto id = addCourse("2", 3);
  ASSERT_EQ(pay(buy(id)).status, Status::Done);
  ASSERT_EQ(pay(buy(id, kOther), kOther).status, Status::Done);
  auto r = admin("PUT", "/courses",
                 R"({"id":1,"title":"改名","price":1,"seats":1,"dateStart":"2023-12-01","dateEnd":"2023-12-02"})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "参数 seats 不能少于已报名人数 2"));
  EXPECT_EQ(courses(), std::vector<std::string>{"1/摄影入门/200/3/2/1"});
  r = admin("PUT", "/courses",
            R"({"id":1,"title":"改名","price":1,"seats":2,"dateStart":"2023-12-01","dateEnd":"2023-12-02"})");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(courses(), std::vector<std::string>{"1/改名/100/2/2/1"});
}

TEST_F(CoursesAdminRoutesTest, ListsACoursesEnrolledStudents) {
  const auto photo = addCourse("5", 10);
  const auto calligraphy = addCourse("6", 10, "书法");
  EXPECT_EQ(array(admin("GET", "/students", "{}"))->size(), 0u);
  ASSERT_EQ(pay(buy(photo, kOther), kOther).status, Status::Done);
  buy(photo);  // unpaid: not a student
  ASSERT_EQ(pay(buy(photo, kThird), kThird).status, Status::Done);
  ASSERT_EQ(pay(buy(calligraphy, kOther), kOther).status, Status::Done);
  auto r = admin("GET", "/students", "{\"courseId\":" + std::to_string(photo) + "}");
  ASSERT_EQ(r.code, 0) << r.msg;
  ASSERT_EQ(array(r)->size(), 2u);
  auto s = array(r)->getObject(0);  // newest first
  EXPECT_EQ(s->getValue<std::int64_t>("purchaseId"), 3);
  EXPECT_EQ(s->getValue<std::int64_t>("courseId"), photo);
  EXPECT_EQ(s->getValue<std::string>("title"), "摄影入门");
  EXPECT_EQ(s->getValue<std::int64_t>("userId"), kThird);
  EXPECT_EQ(s->getValue<std::string>("nickname"), "小红");
  EXPECT_EQ(s->getValue<std::string>("mobile"), "139****0003");
  EXPECT_DOUBLE_EQ(s->getValue<double>("amount"), 5);
  EXPECT_EQ(s->getValue<std::int64_t>("paidAt"), h.clock().now);
  EXPECT_EQ(array(r)->getObject(1)->getValue<std::int64_t>("userId"), kOther);
  r = admin("GET", "/students", "{}");
  ASSERT_EQ(array(r)->size(), 3u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<std::string>("title"), "书法");
  r = admin("GET", "/students", "{\"courseId\":" + std::to_string(photo) + ",\"limit\":1,\"offset\":1}");
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<std::int64_t>("userId"), kOther);
  r = admin("GET", "/students", R"({"courseId":9})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(700, "课程 9 不存在"));
  r = admin("GET", "/students", R"({"offset":-1})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "参数 offset 格式错误,应为非负整数"));
}

TEST_F(CoursesAdminRoutesTest, ListsAndInspectsPurchaseRecords) {
  const auto photo = addCourse("5", 10);
  const auto calligraphy = addCourse("6", 10, "书法");
  const auto paid = buy(photo);
  ASSERT_EQ(pay(paid).status, Status::Done);
  buy(calligraphy);
  buy(photo, kOther);
  auto r = admin("GET", "/purchases", "{}");
  ASSERT_EQ(r.code, 0) << r.msg;
  ASSERT_EQ(array(r)->size(), 3u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<std::int64_t>("userId"), kOther);
  r = admin("GET", "/purchases", "{\"userId\":" + std::to_string(kUser) + "}");
  EXPECT_EQ(array(r)->size(), 2u);
  r = admin("GET", "/purchases", "{\"userId\":1,\"courseId\":" + std::to_string(photo) + "}");
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<std::int64_t>("id"), paid);
  r = admin("GET", "/purchases", R"({"status":"UNPAID"})");
  EXPECT_EQ(array(r)->size(), 2u);
  r = admin("GET", "/purchases", R"({"limit":2,"offset":2})");
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<std::int64_t>("id"), paid);
  r = admin("GET", "/purchases", "{\"id\":" + std::to_string(paid) + "}");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(object(r)->getValue<std::string>("status"), "PAID");
  EXPECT_DOUBLE_EQ(object(r)->getValue<double>("amount"), 5);
  const std::vector<std::pair<std::string, Refusal>> cases = {
      {R"({"id":99})", {700, "课程购买记录 99 不存在"}},
      {R"({"userId":99})", {700, "用户 99 不存在"}},
      {R"({"courseId":99})", {700, "课程 99 不存在"}},
      {R"({"status":"DONE"})", {300, "参数 status 格式错误,应为UNPAID、PAID 或 CANCELLED"}},
      {R"({"userId":"x"})", {300, "参数 userId 格式错误,应为整数"}},
  };
  for (const auto& [params, expected] : cases) {
    r = admin("GET", "/purchases", params);
    EXPECT_EQ(Refusal(r.code, r.msg), expected) << params;
  }
}

TEST_F(CoursesAdminRoutesTest, RecordsOfAnotherFactoryAreNotSeen) {
  const auto id = addCourse("5", 10);
  ASSERT_EQ(pay(buy(id)).status, Status::Done);
  h.setFactory(2);
  EXPECT_EQ(array(admin("GET", "/courses", "{}"))->size(), 0u);
  EXPECT_EQ(array(admin("GET", "/purchases", "{}"))->size(), 0u);
  EXPECT_EQ(array(admin("GET", "/students", "{}"))->size(), 0u);
  auto r = admin("GET", "/courses", "{\"id\":" + std::to_string(id) + "}");
  EXPECT_EQ(r.code, 700);
  r = admin("PUT", "/courses", course(",\"id\":" + std::to_string(id)));
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(700, "课程 1 不存在"));
  EXPECT_EQ(courses(), std::vector<std::string>{"1/摄影入门/500/10/1/1"});
}

}  // namespace
}  // namespace paynext::plugins::courses::test
