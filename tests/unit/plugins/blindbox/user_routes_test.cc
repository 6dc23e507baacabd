#include "plugins/blindbox/user_routes.h"

#include <set>

#include "blindbox_test_support.h"

namespace paynext::plugins::blindbox::test {
namespace {

class UserRoutesTest : public BlindboxTest {
 protected:
  // Users 2 and 3 each publish a box; user 1 (the drawer) has `draws` draws.
  void SetUp() override {
    setSettings("5", "1", 10, 30);
    h.users().add(2, "小红");
    h.users().add(3, "小兰");
    for (std::int64_t user : {2, 3}) {
      h.setUser(user);
      const auto id = createBox("wx:user" + std::to_string(user));
      publishPaid(id);
    }
    h.setUser(1);
    own_ = createBox("wx:me");
    publishPaid(own_);
  }
  void buyDraws(int n) {
    h.ledger().balance_ += n * 100;
    ASSERT_EQ(h.execute(21, pulls(n)).status, Status::Done);
  }
  sdk::RouteResponse draw() { return h.callAs(sdk::Audience::User, "POST", "/blindbox/draw", "{}"); }
  std::int64_t own_ = 0;
};

TEST_F(UserRoutesTest, CreateWritesAPendingBoxOfTheCaller) {
  const auto r = h.callAs(sdk::Audience::User, "POST", "/blindbox/box/create",
                          R"({"gender":"1","intro":"喜欢电影","contact":"13800000000"})");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(object(r)->getValue<std::string>("status"), "PENDING");
  EXPECT_EQ(object(r)->getValue<int>("gender"), 1);
  EXPECT_EQ(boxes().back(), "1/1/PENDING/0/");
}

TEST_F(UserRoutesTest, CreateRefusesBadFieldsAndStoresNothing) {
  const int before = count("blindbox_boxes");
  auto create = [&](const std::string& body) {
    return h.callAs(sdk::Audience::User, "POST", "/blindbox/box/create", body);
  };
  auto r = create(R"({"intro":"a","contact":"b"})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "缺少参数 gender"));
  r = create(R"({"gender":3,"intro":"a","contact":"b"})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "参数 gender 格式错误,应为1(男)或 2(女)"));
  r = create(R"({"gender":1,"contact":"b"})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "缺少参数 intro"));
  r = create(R"({"gender":1,"intro":")" + std::string(501, 'x') + R"(","contact":"b"})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "参数 intro 不能超过 500 字节"));
  r = create(R"({"gender":1,"intro":"a","contact":")" + std::string(101, 'x') + R"("})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "参数 contact 不能超过 100 字节"));
  h.setUser(0);
  r = create(R"({"gender":1,"intro":"a","contact":"b"})");
  EXPECT_EQ(r.code, 2000);
  EXPECT_EQ(count("blindbox_boxes"), before);
}

TEST_F(UserRoutesTest, DrawRevealsAnotherUsersBoxOncePerDraw) {
  buyDraws(2);
  std::set<std::string> seen;
  for (int i = 0; i < 2; ++i) {
    const auto r = draw();
    ASSERT_EQ(r.code, 0) << r.msg;
    seen.insert(object(r)->getValue<std::string>("contact"));
    EXPECT_EQ(object(r)->getValue<Poco::Int64>("pullsLeft"), 1 - i);
  }
  // Never the caller's own box, never one box twice.
  EXPECT_EQ(seen, (std::set<std::string>{"wx:user2", "wx:user3"}));
  EXPECT_EQ(count("blindbox_draws"), 2);
  const auto mine = h.callAs(sdk::Audience::User, "GET", "/blindbox/draws", "{}");
  ASSERT_EQ(mine.code, 0);
  EXPECT_EQ(array(mine)->size(), 2u);
  EXPECT_TRUE(array(mine)->getObject(0)->has("contact"));
}

TEST_F(UserRoutesTest, DrawWithoutDrawsIsRefusedAndSpendsNothing) {
  const auto r = draw();
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "没有剩余的盲盒抽取次数,请先购买"));
  EXPECT_EQ(count("blindbox_draws"), 0);
}

TEST_F(UserRoutesTest, DrawWithNoBoxLeftIsRefusedAndSpendsNothing) {
  buyDraws(3);
  ASSERT_EQ(draw().code, 0);
  ASSERT_EQ(draw().code, 0);
  const auto r = draw();
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(700, "暂时没有可以抽取的盲盒"));
  EXPECT_EQ(pullsLeft(1), 1);
  EXPECT_EQ(count("blindbox_draws"), 2);
}

TEST_F(UserRoutesTest, PendingAndOtherFactoriesBoxesAreNotDrawn) {
  h.setUser(2);
  createBox("wx:pending");
  h.setUser(1);
  h.setFactory(2);
  h.ledger().balance_ = 1000;
  ASSERT_EQ(h.execute(21, pulls(1)).status, Status::Done);
  const auto r = draw();
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(700, "暂时没有可以抽取的盲盒"));
}

TEST_F(UserRoutesTest, ListsAreTheCallersOwnAndPaged) {
  auto r = h.callAs(sdk::Audience::User, "GET", "/blindbox/boxes", "{}");
  ASSERT_EQ(r.code, 0);
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<std::string>("contact"), "wx:me");
  r = h.callAs(sdk::Audience::User, "GET", "/blindbox/boxes", R"({"page":2,"pageSize":1})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(700, "暂无数据"));
  r = h.callAs(sdk::Audience::User, "GET", "/blindbox/boxes", R"({"status":"X"})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "参数 status 格式错误,应为PENDING、PUBLISHED 或 EXPIRED"));
  r = h.callAs(sdk::Audience::User, "GET", "/blindbox/draws", "{}");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(700, "暂无数据"));
}

TEST_F(UserRoutesTest, InfoAnswersPricesInYuanAndDrawsLeft) {
  buyDraws(4);
  const auto r = h.callAs(sdk::Audience::User, "GET", "/blindbox/info", "{}");
  ASSERT_EQ(r.code, 0);
  EXPECT_EQ(object(r)->getValue<double>("boxPrice"), 5.0);
  EXPECT_EQ(object(r)->getValue<double>("pullPrice"), 1.0);
  EXPECT_EQ(object(r)->getValue<Poco::Int64>("maxPullTimes"), 10);
  EXPECT_EQ(object(r)->getValue<Poco::Int64>("pullsLeft"), 4);
}

}  // namespace
}  // namespace paynext::plugins::blindbox::test
