#include "plugins/organizations/user_routes.h"

#include "organizations_test_support.h"

namespace paynext::plugins::organizations::test {
namespace {

using sdk::Audience;

class UserRoutesTest : public OrganizationsTest {
 protected:
  sdk::RouteResponse user(const std::string& method, const std::string& path, const std::string& params) {
    return h.callAs(Audience::User, method, path, params);
  }
  sdk::RouteResponse join(std::int64_t org) {
    return user("POST", "/organizations/join", R"({"organizeId":)" + std::to_string(org) + "}");
  }
  sdk::RouteResponse leave(std::int64_t org) {
    return user("POST", "/organizations/leave", R"({"organizeId":)" + std::to_string(org) + "}");
  }
};

TEST_F(UserRoutesTest, PricesListsItemsOnSaleSmallestFirst) {
  EXPECT_EQ(user("GET", "/organizations/prices", "{}").code, 700);
  addItem("50 人团队", 50, 365, "300");
  addItem("10 人团队", 10, 30, "9.90");
  addItem("下架", 20, 30, "1", false);
  const auto r = user("GET", "/organizations/prices", "{}");
  ASSERT_EQ(r.code, 0) << r.msg;
  ASSERT_EQ(array(r)->size(), 2u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<std::string>("name"), "10 人团队");
  EXPECT_EQ(array(r)->getObject(0)->getValue<double>("price"), 9.9);
  EXPECT_EQ(array(r)->getObject(1)->getValue<Poco::Int64>("memberCap"), 50);
  const auto page2 = user("GET", "/organizations/prices", R"({"page":2,"pageSize":1})");
  ASSERT_EQ(page2.code, 0);
  EXPECT_EQ(array(page2)->getObject(0)->getValue<std::string>("name"), "50 人团队");
  EXPECT_EQ(user("GET", "/organizations/prices", R"({"pageSize":0})").msg,
            "参数 pageSize 格式错误,应为1 到 100 之间的整数");
}

TEST_F(UserRoutesTest, MembersJoinWithinTheCapAndTheOwnerCounts) {
  const auto org = createOrganization(addItem("3 人团队", 3, 30, "1"));
  h.setUser(2);
  ASSERT_EQ(join(org).code, 0);
  h.setUser(3);
  const auto r = join(org);
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(object(r)->getValue<Poco::Int64>("memberCount"), 3);
  EXPECT_EQ(object(r)->getArray("members")->size(), 3u);
  h.setUser(4);
  EXPECT_EQ(join(org).msg, "组织「研发部」人数已满(上限 3 人),不能加入");
  EXPECT_EQ(join(org).code, 300);
  EXPECT_EQ(members(), (std::vector<std::string>{"1/1/1", "1/1/2", "1/1/3"}));
  // A place freed is a place to take.
  h.setUser(2);
  ASSERT_EQ(leave(org).code, 0);
  h.setUser(4);
  ASSERT_EQ(join(org).code, 0);
  EXPECT_EQ(members(), (std::vector<std::string>{"1/1/1", "1/1/3", "1/1/4"}));
}

TEST_F(UserRoutesTest, JoinRefusesAndChangesNothing) {
  const auto org = createOrganization(addItem("3 人团队", 3, 30, "1"));
  EXPECT_EQ(join(org).msg, "您已是组织「研发部」的成员");
  h.setUser(2);
  EXPECT_EQ(join(99).code, 700);
  EXPECT_EQ(join(99).msg, "组织 99 不存在");
  EXPECT_EQ(user("POST", "/organizations/join", "{}").msg, "缺少参数 organizeId");
  h.setFactory(2);
  EXPECT_EQ(join(org).msg, "组织 1 不存在");
  h.setFactory(1);
  h.clock().advance(30 * kDayMs);
  EXPECT_EQ(join(org).msg, "组织「研发部」已过期,不能加入");
  EXPECT_EQ(members(), std::vector<std::string>{"1/1/1"});
}

TEST_F(UserRoutesTest, LeaveRefusesTheOwnerAndNonMembers) {
  const auto org = createOrganization(addItem("3 人团队", 3, 30, "1"));
  EXPECT_EQ(leave(org).msg, "您是组织「研发部」的创建者,不能退出");
  h.setUser(2);
  EXPECT_EQ(leave(org).msg, "您不是组织「研发部」的成员");
  EXPECT_EQ(leave(99).msg, "组织 99 不存在");
  EXPECT_EQ(members(), std::vector<std::string>{"1/1/1"});
}

TEST_F(UserRoutesTest, MyListsOrganizationsOwnedOrJoinedWithMembers) {
  h.users().add(1, "老板");
  const auto item = addItem("3 人团队", 3, 30, "1");
  const auto mine = createOrganization(item, "我的组织");
  h.setUser(2);
  EXPECT_EQ(user("GET", "/organizations/my", "{}").code, 700);
  const auto theirs = createOrganization(item, "别人的组织");
  createOrganization(item, "未加入");
  ASSERT_EQ(join(mine).code, 0);
  const auto r = user("GET", "/organizations/my", "{}");
  ASSERT_EQ(r.code, 0) << r.msg;
  ASSERT_EQ(array(r)->size(), 3u);  // two owned, one joined; newest first
  EXPECT_EQ(array(r)->getObject(1)->getValue<Poco::Int64>("id"), theirs);
  const auto joined = array(r)->getObject(2);
  EXPECT_EQ(joined->getValue<std::string>("name"), "我的组织");
  EXPECT_EQ(joined->getValue<Poco::Int64>("ownerId"), 1);
  const auto owner = joined->getArray("members")->getObject(0);
  EXPECT_EQ(owner->getValue<std::string>("nick"), "老板");
  EXPECT_TRUE(owner->getValue<bool>("owner"));
  EXPECT_FALSE(joined->getArray("members")->getObject(1)->getValue<bool>("owner"));
  const auto page = user("GET", "/organizations/my", R"({"page":2,"pageSize":2})");
  ASSERT_EQ(page.code, 0);
  EXPECT_EQ(array(page)->size(), 1u);
}

TEST_F(UserRoutesTest, InfoIsForMembersOnly) {
  const auto org = createOrganization(addItem("3 人团队", 3, 30, "1"));
  const auto r = user("GET", "/organizations/info", R"({"organizeId":1})");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(object(r)->getValue<Poco::Int64>("memberCap"), 3);
  EXPECT_FALSE(object(r)->getValue<bool>("expired"));
  h.setUser(2);
  EXPECT_EQ(user("GET", "/organizations/info", R"({"organizeId":1})").msg, "组织 1 不存在");
  ASSERT_EQ(join(org).code, 0);
  EXPECT_EQ(user("GET", "/organizations/info", R"({"organizeId":1})").code, 0);
}

TEST_F(UserRoutesTest, AnUpgradeMakesRoomForMoreMembers) {
  const auto small = addItem("2 人团队", 2, 30, "1");
  const auto large = addItem("3 人团队", 3, 30, "2");
  const auto org = createOrganization(small);
  h.setUser(2);
  ASSERT_EQ(join(org).code, 0);
  h.setUser(3);
  EXPECT_EQ(join(org).code, 300);
  h.setUser(1);
  h.ledger().balance_ = 200;
  ASSERT_EQ(h.execute(17, upgradeParams(org, large)).status, Status::Done);
  h.setUser(3);
  EXPECT_EQ(join(org).code, 0);
}

}  // namespace
}  // namespace paynext::plugins::organizations::test
