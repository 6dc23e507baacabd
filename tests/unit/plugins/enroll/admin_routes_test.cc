#include "plugins/enroll/admin_routes.h"

#include "enroll_test_support.h"

namespace paynext::plugins::enroll::test {
namespace {

using sdk::Audience;

class EnrollAdminRoutesTest : public EnrollTest {
 protected:
  sdk::RouteResponse admin(const std::string& method, const std::string& path, const std::string& json = "{}") {
    return h.callAs(Audience::Admin, method, path, json);
  }
  Refusal create(const std::string& json) { return answer(admin("POST", "/projects", json)); }
};

TEST_F(EnrollAdminRoutesTest, RoutesHaveTheTitlesAdminsSee) {
  for (const auto& route : adminRoutes()) {
    EXPECT_EQ(route.audience, Audience::Admin);
    EXPECT_EQ(route.title, route.path == "/projects" ? "报名项目" : "报名记录");
  }
}

TEST_F(EnrollAdminRoutesTest, CreatesListsShowsAndReplacesProjects) {
  const auto r = admin("POST", "/projects",
                       R"({"title":"夏令营","fee":12.5,"capacity":"30","deadline":"2023-12-01 18:00:00",)"
                       R"("fields":"[{\"name\":\"name\",\"required\":true}]"})");
  ASSERT_EQ(r.code, 0) << r.msg;
  const auto created = object(r);
  EXPECT_EQ(created->getValue<Poco::Int64>("id"), 1);
  EXPECT_EQ(created->getValue<double>("fee"), 12.5);
  EXPECT_EQ(created->getValue<int>("capacity"), 30);
  EXPECT_EQ(created->getValue<std::string>("deadline"), "2023-12-01 18:00:00");
  EXPECT_EQ(created->getValue<std::string>("description"), "");
  EXPECT_TRUE(created->getValue<bool>("enabled"));
  // The label defaults to the name.
  EXPECT_EQ(created->getArray("fields")->getObject(0)->getValue<std::string>("label"), "name");
  addProject("研学", "2", 5);

  auto list = admin("GET", "/projects");
  ASSERT_EQ(list.code, 0) << list.msg;
  ASSERT_EQ(array(list)->size(), 2u);
  EXPECT_EQ(array(list)->getObject(1)->getValue<std::string>("title"), "研学");
  list = admin("GET", "/projects", R"({"offset":1,"limit":1})");
  ASSERT_EQ(array(list)->size(), 1u);
  EXPECT_EQ(array(list)->getObject(0)->getValue<std::string>("title"), "研学");
  EXPECT_EQ(answer(admin("GET", "/projects", R"({"limit":501})")),
            Refusal(300, "参数 limit 格式错误,应为1 到 500 之间的整数"));
  const auto one = admin("GET", "/projects", R"({"id":2})");
  ASSERT_EQ(one.code, 0);
  EXPECT_EQ(object(one)->getValue<std::string>("title"), "研学");
  EXPECT_EQ(answer(admin("GET", "/projects", R"({"id":9})")), Refusal(700, "报名项目 9 不存在"));

  // Replacing keeps the seats taken.
  const auto a = apply(2);
  h.ledger().balance_ = 1000;
  ASSERT_EQ(h.execute(3, step(a)).status, Status::Done);
  const auto put = admin("PUT", "/projects", R"({"id":2,"title":"研学旅行","fee":"3","capacity":6,"enabled":false})");
  ASSERT_EQ(put.code, 0) << put.msg;
  EXPECT_EQ(object(put)->getValue<int>("paid"), 1);
  EXPECT_EQ(object(put)->getValue<int>("remaining"), 5);
  EXPECT_FALSE(object(put)->getValue<bool>("enabled"));
  EXPECT_EQ(seatsTaken(2), 1);
  EXPECT_EQ(answer(admin("PUT", "/projects", R"({"id":9,"title":"x","fee":"1","capacity":1})")),
            Refusal(700, "报名项目 9 不存在"));
}

TEST_F(EnrollAdminRoutesTest, RefusesBadProjectsNamingTheFieldAndStoresNothing) {
  EXPECT_EQ(create(R"({"fee":"1","capacity":1})"), Refusal(300, "缺少参数 title"));
  EXPECT_EQ(create(R"({"title":")" + std::string(201, 'x') + R"(","fee":"1","capacity":1})"),
            Refusal(300, "参数 title 不能超过 200 字节"));
  EXPECT_EQ(create(R"({"title":"x","capacity":1})"), Refusal(300, "缺少参数 fee"));
  EXPECT_EQ(create(R"({"title":"x","fee":"0","capacity":1})"), Refusal(300, "参数 fee 格式错误,应为大于 0 的金额"));
  EXPECT_EQ(create(R"({"title":"x","fee":"1.234","capacity":1})"),
            Refusal(300, "参数 fee 格式错误,应为不超过两位小数的非负金额"));
  EXPECT_EQ(create(R"({"title":"x","fee":"1"})"), Refusal(300, "缺少参数 capacity"));
  EXPECT_EQ(create(R"({"title":"x","fee":"1","capacity":0})"), Refusal(300, "参数 capacity 格式错误,应为正整数"));
  EXPECT_EQ(create(R"({"title":"x","fee":"1","capacity":1000001})"),
            Refusal(300, "参数 capacity 格式错误,应为不超过 1000000 的正整数"));
  EXPECT_EQ(create(R"({"title":"x","fee":"1","capacity":1,"deadline":"2023-13-01"})"),
            Refusal(300, "参数 deadline 格式错误,应为yyyy-MM-dd 或 yyyy-MM-dd HH:mm:ss 格式的时间"));
  const std::string fieldsExpected =
      R"(参数 fields 格式错误,应为报名表字段的数组,如 [{"name":"姓名","required":true}])";
  EXPECT_EQ(create(R"({"title":"x","fee":"1","capacity":1,"fields":{"name":"a"}})"), Refusal(300, fieldsExpected));
  EXPECT_EQ(create(R"({"title":"x","fee":"1","capacity":1,"fields":"[oops"})"), Refusal(300, fieldsExpected));
  EXPECT_EQ(create(R"({"title":"x","fee":"1","capacity":1,"fields":[1]})"),
            Refusal(300, "参数 fields 第 1 项应为对象"));
  EXPECT_EQ(create(R"({"title":"x","fee":"1","capacity":1,"fields":[{"label":"姓名"}]})"),
            Refusal(300, "参数 fields 第 1 项缺少 name"));
  EXPECT_EQ(create(R"({"title":"x","fee":"1","capacity":1,"fields":[{"name":"a","required":"yes"}]})"),
            Refusal(300, "参数 fields 第 1 项:参数 required 格式错误,应为true 或 false"));
  EXPECT_EQ(create(R"({"title":"x","fee":"1","capacity":1,"fields":[{"name":"a"},{"name":"a"}]})"),
            Refusal(300, "参数 fields 中字段 a 重复"));
  std::string many = "[";
  for (int i = 0; i < 31; ++i) many += std::string(i ? "," : "") + R"({"name":"f)" + std::to_string(i) + "\"}";
  EXPECT_EQ(create(R"({"title":"x","fee":"1","capacity":1,"fields":)" + many + "]}"),
            Refusal(300, "参数 fields 最多 30 个字段"));
  EXPECT_EQ(projectCount(), 0);
}

TEST_F(EnrollAdminRoutesTest, ListsApplicantsWithTheirAnswers) {
  h.users().add(1, "小张", "138****0001");
  h.users().add(2, "小李", "139****0002");
  const auto camp = addProject("夏令营", "12.50", 30), tour = addProject("研学", "2", 30);
  const auto paid = apply(camp, R"({"name":"张三","school":"一中"})");
  h.ledger().balance_ = 2000;
  ASSERT_EQ(h.execute(3, step(paid)).status, Status::Done);
  h.setUser(2);
  apply(camp, R"({"name":"李四"})");
  apply(tour, R"({"name":"李四"})");

  auto r = admin("GET", "/applications");
  ASSERT_EQ(r.code, 0) << r.msg;
  ASSERT_EQ(array(r)->size(), 3u);
  const auto first = array(r)->getObject(2);
  EXPECT_EQ(first->getValue<Poco::Int64>("id"), paid);
  EXPECT_EQ(first->getValue<std::string>("projectTitle"), "夏令营");
  EXPECT_EQ(first->getValue<std::string>("status"), "PAID");
  EXPECT_EQ(first->getValue<double>("fee"), 12.5);
  EXPECT_EQ(first->getObject("answers")->getValue<std::string>("school"), "一中");
  EXPECT_EQ(first->getValue<Poco::Int64>("userId"), 1);
  EXPECT_EQ(first->getValue<std::string>("nickname"), "小张");
  EXPECT_EQ(first->getValue<std::string>("mobile"), "138****0001");

  r = admin("GET", "/applications", "{\"projectId\":" + std::to_string(camp) + "}");
  EXPECT_EQ(array(r)->size(), 2u);
  r = admin("GET", "/applications", "{\"projectId\":" + std::to_string(camp) + R"(,"status":"PAID"})");
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<std::string>("nickname"), "小张");
  r = admin("GET", "/applications", R"({"userId":2,"limit":1,"offset":1})");
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<std::string>("projectTitle"), "夏令营");
  r = admin("GET", "/applications", R"({"id":3})");
  ASSERT_EQ(r.code, 0);
  EXPECT_EQ(object(r)->getValue<std::string>("projectTitle"), "研学");

  EXPECT_EQ(answer(admin("GET", "/applications", R"({"id":9})")), Refusal(700, "报名记录 9 不存在"));
  EXPECT_EQ(answer(admin("GET", "/applications", R"({"userId":9})")), Refusal(700, "用户 9 不存在"));
  EXPECT_EQ(answer(admin("GET", "/applications", R"({"projectId":9})")), Refusal(700, "报名项目 9 不存在"));
  EXPECT_EQ(answer(admin("GET", "/applications", R"({"status":"DONE"})")),
            Refusal(300, "参数 status 格式错误,应为UNPAID、PAID 或 CANCELLED"));
  // Another factory's applicants are not listed.
  h.setFactory(2);
  r = admin("GET", "/applications");
  ASSERT_EQ(r.code, 0);
  EXPECT_EQ(array(r)->size(), 0u);
}

}  // namespace
}  // namespace paynext::plugins::enroll::test
