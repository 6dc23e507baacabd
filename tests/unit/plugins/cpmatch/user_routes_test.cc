#include "plugins/cpmatch/user_routes.h"

#include "cpmatch_test_support.h"

namespace paynext::plugins::cpmatch::test {
namespace {

class UserRoutesTest : public CpmatchTest {};

TEST_F(UserRoutesTest, ActivitiesListsThoseOnSaleWithPlacesLeftAndTheCallersSignup) {
  EXPECT_EQ(user(kUser, "/cpmatch/activities", "{}").code, 700);
  const auto mixed = addActivity("19.9", 4);
  const auto halves = addActivity("29.9", 4, true, "男女各半");
  admit(halves, kMale, 2);
  signup(mixed, kFemale, kUser);
  const auto r = user(kUser, "/cpmatch/activities", "{}");
  ASSERT_EQ(r.code, 0) << r.msg;
  const auto list = array(r);
  ASSERT_EQ(list->size(), 2u);
  auto first = list->getObject(0);
  EXPECT_EQ(first->getValue<std::int64_t>("id"), mixed);
  EXPECT_DOUBLE_EQ(first->getValue<double>("fee"), 19.9);
  EXPECT_EQ(first->getValue<std::int64_t>("placesLeft"), 4);
  EXPECT_EQ(first->getValue<std::string>("state"), "OPEN");
  EXPECT_EQ(first->getValue<std::string>("dateStart"), "2023-12-01 19:00:00");
  EXPECT_EQ(first->getValue<std::string>("mySignup"), "PENDING");
  EXPECT_FALSE(first->has("malePlacesLeft"));
  auto second = list->getObject(1);
  EXPECT_EQ(second->getValue<std::int64_t>("placesLeft"), 3);
  EXPECT_EQ(second->getValue<std::int64_t>("malePlacesLeft"), 1);
  EXPECT_EQ(second->getValue<std::int64_t>("femalePlacesLeft"), 2);
  EXPECT_EQ(second->getValue<std::string>("mySignup"), "");
  // Paged.
  const auto page2 = user(kUser, "/cpmatch/activities", R"({"page":2,"pageSize":1})");
  ASSERT_EQ(array(page2)->size(), 1u);
  EXPECT_EQ(array(page2)->getObject(0)->getValue<std::int64_t>("id"), halves);
}

TEST_F(UserRoutesTest, SignupMakesOnePendingSignupAndRestatesTheGender) {
  const auto activity = addActivity("10", 4);
  auto r = signup(activity, kMale);
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(object(r)->getValue<std::string>("status"), "PENDING");
  EXPECT_EQ(object(r)->getValue<int>("gender"), 1);
  EXPECT_EQ(object(r)->getValue<std::string>("message"), "尚未支付入场费,支付后即可入场");
  r = signup(activity, kFemale);
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(object(r)->getValue<std::int64_t>("id"), 1);
  EXPECT_EQ(signups(), std::vector<std::string>{"1/1/1/2/PENDING/0//0"});
}

TEST_F(UserRoutesTest, SignupRefusesBadParamsAndClosedActivitiesChangingNothing) {
  const auto activity = addActivity("10", 2, true);
  const std::vector<std::pair<std::string, Refusal>> cases = {
      {"{}", {300, "缺少参数 cpactivityId"}},
      {R"({"cpactivityId":99,"gender":1})", {700, "CP活动 99 不存在"}},
      {R"({"cpactivityId":1})", {300, "缺少参数 gender"}},
      {R"({"cpactivityId":1,"gender":3})", {300, "参数 gender 格式错误,应为1(男)或 2(女)"}},
      {R"({"cpactivityId":1,"gender":"男"})", {300, "参数 gender 格式错误,应为整数"}},
  };
  for (const auto& [params, expected] : cases) {
    const auto r = user(kUser, "/cpmatch/signup", params);
    EXPECT_EQ(Refusal(r.code, r.msg), expected) << params;
  }
  admit(activity, kMale, 2);
  auto r = signup(activity, kMale, 4);
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "CP活动「周末CP活动」男生名额已满"));
  r = signup(activity, kFemale, 2);
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "您已入场CP活动「周末CP活动」,不能重复支付"));
  h.clock().advance(30 * kDayMs);
  r = signup(activity, kFemale, 3);
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "CP活动「周末CP活动」已结束"));
  EXPECT_EQ(signups(), std::vector<std::string>{"1/1/2/1/ADMITTED/1000//0"});
}

TEST_F(UserRoutesTest, MySignupsListsTheCallersOwnNewestFirst) {
  const auto one = addActivity("10", 4);
  const auto two = addActivity("20", 4, false, "第二场");
  EXPECT_EQ(user(kUser, "/cpmatch/my/signups", "{}").code, 700);
  admit(one, kMale, kUser);
  signup(two, kMale, kUser);
  signup(two, kFemale, 3);
  auto r = user(kUser, "/cpmatch/my/signups", "{}");
  ASSERT_EQ(r.code, 0) << r.msg;
  ASSERT_EQ(array(r)->size(), 2u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<std::string>("title"), "第二场");
  EXPECT_EQ(array(r)->getObject(1)->getValue<std::string>("status"), "ADMITTED");
  EXPECT_EQ(array(r)->getObject(1)->getValue<std::string>("pairStatus"), "WAITING");
  EXPECT_EQ(array(r)->getObject(1)->getValue<std::string>("message"), "已入场,活动结束后为您配对");
  r = user(kUser, "/cpmatch/my/signups", R"({"status":"ADMITTED"})");
  ASSERT_EQ(array(r)->size(), 1u);
  r = user(kUser, "/cpmatch/my/signups", R"({"status":"PAID"})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "参数 status 格式错误,应为PENDING 或 ADMITTED"));
  r = user(kUser, "/cpmatch/my/signups", R"({"page":2,"pageSize":1})");
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<std::int64_t>("cpactivityId"), one);
}

TEST_F(UserRoutesTest, MyMatchShowsThePartnerAfterThePairing) {
  const auto activity = addActivity("10", 4, true);
  auto r = user(kUser, "/cpmatch/my/match", params(activity));
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(700, "您没有报名CP活动「周末CP活动」"));
  admit(activity, kMale, kUser);
  admit(activity, kFemale, 3);
  r = user(kUser, "/cpmatch/my/match", params(activity));
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(object(r)->getValue<std::string>("pairStatus"), "WAITING");
  EXPECT_FALSE(object(r)->has("match"));
  h.clock().advance(30 * kDayMs);
  h.runJob("pair_ended");
  r = user(kUser, "/cpmatch/my/match", params(activity));
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(object(r)->getValue<std::string>("pairStatus"), "PAIRED");
  EXPECT_EQ(object(r)->getValue<std::string>("message"), "配对成功");
  EXPECT_EQ(object(r)->getValue<std::string>("state"), "PAIRED");
  const auto match = object(r)->getObject("match");
  EXPECT_EQ(match->getValue<std::int64_t>("userId"), 3);
  EXPECT_EQ(match->getValue<std::string>("nickname"), "小红");
  EXPECT_EQ(match->getValue<std::string>("mobile"), "139****0003");
  r = user(3, "/cpmatch/my/match", params(activity));
  EXPECT_EQ(object(r)->getObject("match")->getValue<std::int64_t>("userId"), kUser);
  r = user(kUser, "/cpmatch/my/match", "{}");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "缺少参数 cpactivityId"));
}

}  // namespace
}  // namespace paynext::plugins::cpmatch::test
