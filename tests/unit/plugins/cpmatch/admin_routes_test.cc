#include "plugins/cpmatch/admin_routes.h"

#include "cpmatch_test_support.h"

namespace paynext::plugins::cpmatch::test {
namespace {

class AdminRoutesTest : public CpmatchTest {};

const std::string kBody = R"("title":"CP活动","fee":"9.90","capacity":4,"dateStart":"2023-12-01 19:00:00","dateEnd":"2023-12-01")";

TEST_F(AdminRoutesTest, EveryRouteHasAChineseTitle) {
  CpmatchModule module;
  for (const auto& route : module.routes()) {
    if (route.audience != sdk::Audience::Admin) continue;
    EXPECT_FALSE(route.title.empty()) << route.path;
  }
}

TEST_F(AdminRoutesTest, CreatesListsAndInspectsActivities) {
  auto r = admin("POST", "/activities", "{" + kBody + R"(,"perGender":"true"})");
  ASSERT_EQ(r.code, 0) << r.msg;
  auto a = object(r);
  EXPECT_EQ(a->getValue<std::int64_t>("id"), 1);
  EXPECT_DOUBLE_EQ(a->getValue<double>("fee"), 9.9);
  EXPECT_TRUE(a->getValue<bool>("perGender"));
  EXPECT_EQ(a->getValue<std::int64_t>("maleCapacity"), 2);
  EXPECT_EQ(a->getValue<std::string>("dateEnd"), "2023-12-01 23:59:59");
  EXPECT_TRUE(a->getValue<bool>("onSale"));
  addActivity("1", 3);
  r = admin("GET", "/activities", "{}");
  ASSERT_EQ(array(r)->size(), 2u);
  r = admin("GET", "/activities", R"({"offset":1,"limit":1})");
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<std::int64_t>("id"), 2);
  r = admin("GET", "/activities", R"({"id":2})");
  EXPECT_EQ(object(r)->getValue<std::int64_t>("capacity"), 3);
  r = admin("GET", "/activities", R"({"id":9})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(700, "CP活动 9 不存在"));
  h.setFactory(2);
  r = admin("GET", "/activities", "{}");
  EXPECT_EQ(array(r)->size(), 0u);
}

TEST_F(AdminRoutesTest, RefusesBadActivitiesNamingTheFieldAndStoresNothing) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"fee":1,"capacity":2,"dateStart":"2023-12-01","dateEnd":"2023-12-02"})", "缺少参数 title"},
      {R"({"title":"x","capacity":2,"dateStart":"2023-12-01","dateEnd":"2023-12-02"})", "缺少参数 fee"},
      {R"({"title":"x","fee":0,"capacity":2,"dateStart":"2023-12-01","dateEnd":"2023-12-02"})",
       "参数 fee 格式错误,应为大于 0 的金额"},
      {R"({"title":"x","fee":"1.234","capacity":2,"dateStart":"2023-12-01","dateEnd":"2023-12-02"})",
       "参数 fee 格式错误,应为不超过两位小数的非负金额"},
      {R"({"title":"x","fee":1,"capacity":0,"dateStart":"2023-12-01","dateEnd":"2023-12-02"})",
       "参数 capacity 格式错误,应为正整数"},
      {R"({"title":"x","fee":1,"capacity":3,"perGender":true,"dateStart":"2023-12-01","dateEnd":"2023-12-02"})",
       "参数 capacity 格式错误,应为偶数(男女各占一半名额)"},
      {R"({"title":"x","fee":1,"capacity":2,"perGender":"yes","dateStart":"2023-12-01","dateEnd":"2023-12-02"})",
       "参数 perGender 格式错误,应为true 或 false"},
      {R"({"title":"x","fee":1,"capacity":2,"dateStart":"12/01","dateEnd":"2023-12-02"})",
       "参数 dateStart 格式错误,应为yyyy-MM-dd 或 yyyy-MM-dd HH:mm:ss 格式的时间"},
      {R"({"title":"x","fee":1,"capacity":2,"dateStart":"2023-12-02 10:00:00","dateEnd":"2023-12-02 09:00:00"})",
       "参数 dateEnd 格式错误,应为晚于 dateStart 的时间"},
  };
  for (const auto& [params, message] : cases) {
    const auto r = admin("POST", "/activities", params);
    EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, message)) << params;
  }
  EXPECT_TRUE(activities().empty());
}

TEST_F(AdminRoutesTest, ReplacingKeepsWhatIsAdmitted) {
  const auto activity = addActivity("10", 4, true);
  admit(activity, kMale, 2);
  admit(activity, kMale, 4);
  const std::string id = "{\"id\":" + std::to_string(activity) + ",";
  auto r = admin("PUT", "/activities", id + kBody + R"(,"perGender":false})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "已有人入场,参数 perGender 不能再改"));
  r = admin("PUT", "/activities",
            id + R"("title":"CP活动","fee":5,"capacity":2,"perGender":true,"dateStart":"2023-12-01","dateEnd":"2023-12-02"})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "参数 capacity 不能少于已入场占用的名额 4"));
  r = admin("PUT", "/activities", id + R"("title":"新名字","fee":5,"capacity":6,"perGender":true,)"
                                       R"("dateStart":"2023-12-01","dateEnd":"2023-12-02","onSale":false})");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(object(r)->getValue<std::int64_t>("admittedMale"), 2);
  EXPECT_EQ(activities(), std::vector<std::string>{"1/新名字/500/6/1/2/0/0"});
  r = admin("PUT", "/activities", R"({"id":9,)" + kBody + "}");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(700, "CP活动 9 不存在"));
  h.clock().advance(30 * 24 * 3600 * 1000LL);
  h.runJob("pair_ended");
  r = admin("PUT", "/activities", id + kBody + R"(,"perGender":true})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "CP活动「新名字」已配对,不能再修改"));
}

TEST_F(AdminRoutesTest, ListsParticipantsAndPairs) {
  const auto activity = addActivity("10", 4, true);
  admit(activity, kMale, 2);
  admit(activity, kFemale, 3);
  signup(activity, kFemale, 5);
  auto r = admin("GET", "/participants", "{}");
  ASSERT_EQ(r.code, 0) << r.msg;
  ASSERT_EQ(array(r)->size(), 3u);
  auto newest = array(r)->getObject(0);
  EXPECT_EQ(newest->getValue<std::int64_t>("userId"), 5);
  EXPECT_EQ(newest->getValue<std::string>("nickname"), "小丽");
  EXPECT_EQ(newest->getValue<std::string>("mobile"), "139****0005");
  EXPECT_EQ(newest->getValue<std::string>("status"), "PENDING");
  r = admin("GET", "/participants", R"({"status":"ADMITTED","cpactivityId":1})");
  ASSERT_EQ(array(r)->size(), 2u);
  r = admin("GET", "/participants", R"({"userId":3})");
  ASSERT_EQ(array(r)->size(), 1u);
  r = admin("GET", "/participants", R"({"userId":99})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(700, "用户 99 不存在"));
  r = admin("GET", "/participants", R"({"cpactivityId":9})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(700, "CP活动 9 不存在"));
  r = admin("GET", "/participants", R"({"offset":2,"limit":1})");
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<std::int64_t>("userId"), 2);
  r = admin("GET", "/participants", R"({"id":2})");
  EXPECT_EQ(object(r)->getValue<std::int64_t>("userId"), 3);
  r = admin("GET", "/participants", R"({"id":9})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(700, "CP活动报名 9 不存在"));

  EXPECT_EQ(array(admin("GET", "/pairs", "{}"))->size(), 0u);
  h.clock().advance(30 * 24 * 3600 * 1000LL);
  h.runJob("pair_ended");
  r = admin("GET", "/pairs", R"({"cpactivityId":1})");
  ASSERT_EQ(array(r)->size(), 1u);
  const auto pair = array(r)->getObject(0);
  EXPECT_EQ(pair->getObject("first")->getValue<std::string>("nickname"), "小明");
  EXPECT_EQ(pair->getObject("second")->getValue<std::string>("mobile"), "139****0003");
  r = admin("GET", "/pairs", R"({"limit":0})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "参数 limit 格式错误,应为1 到 500 之间的整数"));
}

}  // namespace
}  // namespace paynext::plugins::cpmatch::test
