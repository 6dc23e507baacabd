// The organizations module end to end: an admin sets up price items, a user
// creates an organization with WeChat Pay as nextAction type 16, another
// joins it through the module's route until it is full, the owner upgrades it
// with type 17; two upgrades racing to one item upgrade it once.

#include <gtest/gtest.h>

#include "tests/integration/support/db_probe.h"
#include "tests/integration/support/paynext_env.h"

namespace paynext::testing {
namespace {

class OrganizationsFlowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    env_.createFactory("f1", {"organizations"});
    addItem(R"({"name":"2 人团队","memberCap":2,"days":30,"price":"9.90"})");   // item 1
    addItem(R"({"name":"5 人团队","memberCap":5,"days":365,"price":"3"})");     // item 2
    token_ = env_.userToken("f1", "13800000000");
  }

  void addItem(const std::string& json) {
    auto r = env_.admin("POST", "/factories/f1/modules/organizations/prices", json);
    ASSERT_EQ(201, r.status) << r.body;
  }
  Poco::JSON::Object::Ptr call(const std::string& path, std::map<std::string, std::string> fields,
                               const std::string& token = "") {
    fields["token"] = token.empty() ? token_ : token;
    return env_.call("f1", path, fields);
  }
  // Opens a WeChat payment carrying the chain; its out trade id.
  std::string pay(const std::string& money, const std::string& nextAction) {
    auto r = call("/pay/wx/wxapp", {{"money", money}, {"nextAction", nextAction}});
    EXPECT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
    return r->getObject("data")->getValue<std::string>("outTradeId");
  }
  double balance() { return call("/user/amount", {})->getObject("data")->getValue<double>("balance"); }
  // Creates organization 1 with a paid type 16 step.
  void createOrganization() {
    const auto out = pay("9.90", "{type:16, priceId: 1, name:'研发部', remark: '组织备注'}");
    env_.simPay(out);
    ASSERT_TRUE(eventually([&] { return db_.steps(out) == "DONE"; })) << env_.log();
  }

  PaynextEnv env_{EnvOptions{{"organizations"}, {{"worker.threads", "2"}, {"worker.pollIntervalMs", "100"}}}};
  DbProbe db_{env_.storage()};
  std::string token_;
};

TEST_F(OrganizationsFlowTest, CreatesAnOrganizationWithWeChatMembersJoinAndTheOwnerUpgradesIt) {
  EXPECT_EQ(700, call("/organizations/my", {})->getValue<int>("code"));
  const auto prices = call("/organizations/prices", {});
  ASSERT_EQ(0, prices->getValue<int>("code")) << prices->getValue<std::string>("msg");
  EXPECT_DOUBLE_EQ(9.9, prices->getArray("data")->getObject(0)->getValue<double>("price"));

  createOrganization();
  auto mine = call("/organizations/my", {});
  ASSERT_EQ(0, mine->getValue<int>("code")) << mine->getValue<std::string>("msg");
  auto org = mine->getArray("data")->getObject(0);
  EXPECT_EQ("研发部", org->getValue<std::string>("name"));
  EXPECT_EQ("组织备注", org->getValue<std::string>("remark"));
  EXPECT_EQ(2, org->getValue<int>("memberCap"));
  EXPECT_EQ(1u, org->getArray("members")->size());
  EXPECT_DOUBLE_EQ(0, balance());

  // Members join through the module's route until the cap (the owner counts).
  const auto second = env_.userToken("f1", "13900000000");
  const auto third = env_.userToken("f1", "13700000000");
  auto joined = call("/organizations/join", {{"organizeId", "1"}}, second);
  ASSERT_EQ(0, joined->getValue<int>("code")) << joined->getValue<std::string>("msg");
  EXPECT_EQ(1u, call("/organizations/my", {}, second)->getArray("data")->size());
  auto full = call("/organizations/join", {{"organizeId", "1"}}, third);
  EXPECT_EQ(300, full->getValue<int>("code"));
  EXPECT_EQ("组织「研发部」人数已满(上限 2 人),不能加入", full->getValue<std::string>("msg"));

  // The owner upgrades to the 5-person item: the third user gets in.
  const auto out = pay("3", "{type:17, organizeId: 1, priceId: 2}");
  env_.simPay(out);
  ASSERT_TRUE(eventually([&] { return db_.steps(out) == "DONE"; })) << env_.log();
  org = call("/organizations/info", {{"organizeId", "1"}})->getObject("data");
  EXPECT_EQ(5, org->getValue<int>("memberCap"));
  EXPECT_EQ(2, org->getValue<int>("priceId"));
  joined = call("/organizations/join", {{"organizeId", "1"}}, third);
  ASSERT_EQ(0, joined->getValue<int>("code")) << joined->getValue<std::string>("msg");
  EXPECT_EQ(3u, joined->getObject("data")->getArray("members")->size());
  EXPECT_DOUBLE_EQ(0, balance());

  // Admins see the organization with its members, and the upgrade.
  auto listed = env_.admin("GET", "/factories/f1/modules/organizations/organizations");
  ASSERT_EQ(200, listed.status) << listed.body;
  EXPECT_NE(std::string::npos, listed.body.find("\"memberCount\":3")) << listed.body;
  auto upgrades = env_.admin("GET", "/factories/f1/modules/organizations/upgrades");
  EXPECT_NE(std::string::npos, upgrades.body.find("\"memberCap\":5")) << upgrades.body;
}

TEST_F(OrganizationsFlowTest, ARefusedPaymentStoresNothing) {
  const std::vector<std::tuple<std::string, int, std::string>> cases = {
      {"{type:16, name:'x'}", 300, "缺少参数 priceId"},
      {"{type:16, priceId: 1}", 300, "缺少参数 name"},
      {"{type:16, priceId: 'a', name:'x'}", 300, "参数 priceId 格式错误,应为整数"},
      {"{type:16, priceId: 9, name:'x'}", 700, "组织收费项 9 不存在"},
      {"{type:17, organizeId: 1, priceId: 2}", 700, "组织 1 不存在"},
      {"{type:17, priceId: 2}", 300, "缺少参数 organizeId"},
  };
  for (const auto& [nextAction, code, msg] : cases) {
    auto r = call("/pay/wx/wxapp", {{"money", "10"}, {"nextAction", nextAction}});
    EXPECT_EQ(code, r->getValue<int>("code")) << nextAction;
    EXPECT_EQ("nextAction 第 1 步:" + msg, r->getValue<std::string>("msg")) << nextAction;
  }
  // The price is the item's: 0.01 and an empty wallet do not cover 9.90.
  auto shortPay = call("/pay/wx/wxapp", {{"money", "0.01"}, {"nextAction", "{type:16, priceId: 1, name:'x'}"}});
  EXPECT_NE(0, shortPay->getValue<int>("code"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM payments"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM organizations_orgs"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM organizations_members"));
}

TEST_F(OrganizationsFlowTest, TwoUpgradesToOneItemRaceAndOnlyOneUpgrades) {
  createOrganization();
  // A smaller or equal item is refused at creation already.
  auto same = call("/pay/wx/wxapp", {{"money", "9.90"}, {"nextAction", "{type:17, organizeId: 1, priceId: 1}"}});
  EXPECT_EQ("nextAction 第 1 步:组织 1 已是 2 人规模,请选择更大的规模", same->getValue<std::string>("msg"));
  const std::string nextAction = "{type:17, organizeId: 1, priceId: 2}";
  const auto first = pay("3", nextAction);
  const auto second = pay("3", nextAction);
  env_.simPayAtOnce({first, second});
  ASSERT_TRUE(eventually([&] { return db_.settled(first) && db_.settled(second); })) << env_.log();
  EXPECT_EQ(2, db_.count("SELECT COUNT(*) FROM chain_steps WHERE status = 'DONE'"));  // the creation and one upgrade
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM chain_steps WHERE status = 'FAILED'"));
  EXPECT_EQ("组织 1 已是 5 人规模,请选择更大的规模",
            db_.text("SELECT last_error FROM chain_steps WHERE status = 'FAILED'"));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM organizations_upgrades"));
  EXPECT_EQ(5, db_.count("SELECT member_cap FROM organizations_orgs"));
  // The loser's 3 yuan stays in the wallet.
  EXPECT_DOUBLE_EQ(3, balance());
}

}  // namespace
}  // namespace paynext::testing
