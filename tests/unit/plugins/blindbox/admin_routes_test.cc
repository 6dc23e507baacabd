#include "plugins/blindbox/admin_routes.h"

#include "blindbox_test_support.h"

namespace paynext::plugins::blindbox::test {
namespace {

class AdminRoutesTest : public BlindboxTest {};

TEST_F(AdminRoutesTest, SettingsHaveDefaultsAndAreSaved) {
  auto r = h.callAs(sdk::Audience::Admin, "GET", "/settings", "{}");
  ASSERT_EQ(r.code, 0);
  EXPECT_EQ(object(r)->getValue<double>("boxPrice"), 1.0);
  EXPECT_EQ(object(r)->getValue<Poco::Int64>("expireMinutes"), 30);
  setSettings("9.90", "0.50", 20, 15);
  r = h.callAs(sdk::Audience::Admin, "GET", "/settings", "{}");
  EXPECT_EQ(object(r)->getValue<double>("boxPrice"), 9.9);
  EXPECT_EQ(object(r)->getValue<double>("pullPrice"), 0.5);
  EXPECT_EQ(object(r)->getValue<Poco::Int64>("maxPullTimes"), 20);
  EXPECT_EQ(object(r)->getValue<Poco::Int64>("expireMinutes"), 15);
}

TEST_F(AdminRoutesTest, BadSettingsAreRefusedAndChangeNothing) {
  setSettings("2", "1", 10, 30);
  auto put = [&](const std::string& body) { return h.callAs(sdk::Audience::Admin, "PUT", "/settings", body); };
  auto r = put(R"({"boxPrice":"0","pullPrice":"1","maxPullTimes":1,"expireMinutes":1})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "参数 boxPrice 格式错误,应为0.01 到 100000 元之间的金额"));
  r = put(R"({"boxPrice":"1","pullPrice":"1.001","maxPullTimes":1,"expireMinutes":1})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "参数 pullPrice 格式错误,应为不超过两位小数的非负金额"));
  r = put(R"({"boxPrice":"1","pullPrice":"1","maxPullTimes":10001,"expireMinutes":1})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "参数 maxPullTimes 格式错误,应为1 到 10000 之间的整数"));
  r = put(R"({"boxPrice":"1","pullPrice":"1","maxPullTimes":1})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "缺少参数 expireMinutes"));
  EXPECT_EQ(object(h.callAs(sdk::Audience::Admin, "GET", "/settings", "{}"))->getValue<double>("boxPrice"), 2.0);
}

TEST_F(AdminRoutesTest, ListsBoxesAndDrawsOfTheFactory) {
  h.users().add(2, "小红");
  h.setUser(2);
  const auto published = createBox("wx:red");
  publishPaid(published);
  h.setUser(1);
  createBox("wx:me");
  h.ledger().balance_ = 1000;
  ASSERT_EQ(h.execute(21, pulls(1)).status, Status::Done);
  ASSERT_EQ(h.callAs(sdk::Audience::User, "POST", "/blindbox/draw", "{}").code, 0);

  auto r = h.callAs(sdk::Audience::Admin, "GET", "/boxes", "{}");
  ASSERT_EQ(r.code, 0);
  EXPECT_EQ(array(r)->size(), 2u);
  r = h.callAs(sdk::Audience::Admin, "GET", "/boxes", R"({"status":"PUBLISHED"})");
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<Poco::Int64>("userId"), 2);
  r = h.callAs(sdk::Audience::Admin, "GET", "/boxes", R"({"userId":1,"limit":1,"offset":0})");
  ASSERT_EQ(array(r)->size(), 1u);
  r = h.callAs(sdk::Audience::Admin, "GET", "/boxes", R"({"id":)" + std::to_string(published) + "}");
  EXPECT_EQ(object(r)->getValue<std::string>("contact"), "wx:red");
  r = h.callAs(sdk::Audience::Admin, "GET", "/boxes", R"({"id":999})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(700, "盲盒 999 不存在"));
  r = h.callAs(sdk::Audience::Admin, "GET", "/boxes", R"({"userId":77})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(700, "用户 77 不存在"));
  r = h.callAs(sdk::Audience::Admin, "GET", "/boxes", R"({"limit":0})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "参数 limit 格式错误,应为1 到 500 之间的整数"));

  r = h.callAs(sdk::Audience::Admin, "GET", "/draws", "{}");
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<Poco::Int64>("boxId"), published);
  r = h.callAs(sdk::Audience::Admin, "GET", "/draws", R"({"userId":2})");
  EXPECT_EQ(array(r)->size(), 0u);
  // Another factory sees none of it.
  h.setFactory(2);
  EXPECT_EQ(array(h.callAs(sdk::Audience::Admin, "GET", "/boxes", "{}"))->size(), 0u);
  EXPECT_EQ(array(h.callAs(sdk::Audience::Admin, "GET", "/draws", "{}"))->size(), 0u);
}

TEST_F(AdminRoutesTest, AdminRoutesHaveChineseTitles) {
  for (const auto& route : BlindboxModule().routes()) {
    if (route.audience == sdk::Audience::Admin) {
      EXPECT_FALSE(route.title.empty()) << route.path;
    }
  }
}

}  // namespace
}  // namespace paynext::plugins::blindbox::test
