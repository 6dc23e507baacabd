// The membercard module end to end: an admin keeps a member card, a user
// sees it through the module's route, pays it with WeChat (nextAction type
// 10) and sees the card issued, then extended, in /membercard/my; two
// payments racing for one user's card both apply, one after the other.

#include <gtest/gtest.h>

#include "tests/integration/support/db_probe.h"
#include "tests/integration/support/paynext_env.h"

namespace paynext::testing {
namespace {

constexpr std::int64_t kDayMs = 86400000;

class MembercardFlowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    env_.createFactory("f1", {"membercard"});
    card_ = addCard("f1", R"({"name":"金卡","price":"30","days":30,"benefits":"全场九折"})");
    token_ = env_.userToken("f1", "13800000000");
  }

  std::string addCard(const std::string& factory, const std::string& json) {
    auto r = env_.admin("POST", "/factories/" + factory + "/modules/membercard/cards", json);
    EXPECT_EQ(201, r.status) << r.body;
    return std::to_string(r.json()->getValue<std::int64_t>("id"));
  }

  Poco::JSON::Object::Ptr call(const std::string& path, std::map<std::string, std::string> fields) {
    fields["token"] = token_;
    return env_.call("f1", path, fields);
  }

  // Opens a WeChat payment carrying the chain; its out trade id.
  std::string pay(const std::string& money, const std::string& nextAction) {
    auto r = call("/pay/wx/wxapp", {{"money", money}, {"nextAction", nextAction}});
    EXPECT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
    return r->getObject("data")->getValue<std::string>("outTradeId");
  }

  double balance() { return call("/user/amount", {})->getObject("data")->getValue<double>("balance"); }

  PaynextEnv env_{EnvOptions{{"membercard"}, {{"worker.threads", "2"}, {"worker.pollIntervalMs", "100"}}}};
  DbProbe db_{env_.storage()};
  std::string card_, token_;
};

TEST_F(MembercardFlowTest, BuysACardWithWeChatThenExtendsIt) {
  auto cards = call("/membercard/cards", {});
  ASSERT_EQ(0, cards->getValue<int>("code"));
  EXPECT_EQ("金卡", cards->getArray("data")->getObject(0)->getValue<std::string>("name"));
  EXPECT_DOUBLE_EQ(30, cards->getArray("data")->getObject(0)->getValue<double>("price"));
  EXPECT_EQ(700, call("/membercard/my", {})->getValue<int>("code"));

  env_.simPay(pay("30", "{type:10, id:" + card_ + "}"));
  Poco::JSON::Object::Ptr mine;
  ASSERT_TRUE(eventually([&] {
    mine = call("/membercard/my", {});
    return mine->getValue<int>("code") == 0;
  })) << env_.log();
  auto card = mine->getArray("data")->getObject(0);
  const auto number = card->getValue<std::string>("number");
  EXPECT_EQ(12u, number.size());
  EXPECT_EQ("金卡", card->getValue<std::string>("name"));
  EXPECT_EQ("全场九折", card->getValue<std::string>("benefits"));
  EXPECT_TRUE(card->getValue<bool>("active"));
  const auto firstUntil = card->getValue<std::string>("validUntil");
  EXPECT_EQ(19u, firstUntil.size());
  // The step debited exactly what the notification credited.
  EXPECT_DOUBLE_EQ(0, balance());

  // Again while valid: the same card, its number kept, 30 more days.
  const auto second = pay("30", "{type:10, id:'" + card_ + "'}");
  env_.simPay(second);
  ASSERT_TRUE(eventually([&] { return db_.steps(second) == "DONE"; })) << env_.log();
  mine = call("/membercard/my", {});
  ASSERT_EQ(1u, mine->getArray("data")->size());
  card = mine->getArray("data")->getObject(0);
  EXPECT_EQ(number, card->getValue<std::string>("number"));
  EXPECT_GT(card->getValue<std::string>("validUntil"), firstUntil);
  EXPECT_EQ(db_.count("SELECT MIN(valid_until) FROM membercard_purchases") + 30 * kDayMs,
            db_.count("SELECT valid_until FROM membercard_issued"));
  EXPECT_DOUBLE_EQ(0, balance());

  auto admin = env_.admin("GET", "/factories/f1/modules/membercard/issued?cardId=" + card_);
  ASSERT_EQ(200, admin.status) << admin.body;
  EXPECT_NE(std::string::npos, admin.body.find("\"number\":\"" + number + "\"")) << admin.body;
}

TEST_F(MembercardFlowTest, ARefusedPaymentStoresNothing) {
  const auto offSale = addCard("f1", R"({"name":"旧卡","price":"1","days":7,"onSale":false})");
  env_.createFactory("f2", {"membercard"});
  const auto theirs = addCard("f2", R"({"name":"他家卡","price":"1","days":7})");
  auto refused = [&](const std::string& money, const std::string& nextAction) {
    auto r = call("/pay/wx/wxapp", {{"money", money}, {"nextAction", nextAction}});
    EXPECT_NE(0, r->getValue<int>("code"));
    return r->getValue<std::string>("msg");
  };
  EXPECT_EQ("nextAction 第 1 步:缺少参数 id", refused("30", "{type:10}"));
  EXPECT_EQ("nextAction 第 1 步:参数 id 格式错误,应为整数", refused("30", "{type:10, id:'x'}"));
  EXPECT_EQ("nextAction 第 1 步:会员卡 999 不存在", refused("30", "{type:10, id:999}"));
  EXPECT_EQ("nextAction 第 1 步:会员卡「旧卡」已停售", refused("30", "{type:10, id:" + offSale + "}"));
  EXPECT_EQ("nextAction 第 1 步:会员卡 " + theirs + " 不存在", refused("30", "{type:10, id:" + theirs + "}"));
  // The money must cover the card's price, whatever the client claims.
  refused("0.01", "{type:10, id:" + card_ + "}");
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM payments"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM membercard_issued"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM membercard_purchases"));
}

TEST_F(MembercardFlowTest, TwoPaymentsForOneUsersCardBothApplyOneAfterTheOther) {
  const std::string nextAction = "{type:10, id:" + card_ + "}";
  const auto first = pay("30", nextAction);
  const auto second = pay("30", nextAction);
  env_.simPayAtOnce({first, second});
  ASSERT_TRUE(eventually([&] { return db_.settled(first) && db_.settled(second); })) << env_.log();
  EXPECT_EQ("DONE", db_.steps(first));
  EXPECT_EQ("DONE", db_.steps(second));
  // One card, issued once; its validity extended by the second step from the first's expiry.
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM membercard_issued"));
  EXPECT_EQ(2, db_.count("SELECT COUNT(*) FROM membercard_purchases"));
  EXPECT_EQ(db_.count("SELECT MIN(valid_until) FROM membercard_purchases") + 30 * kDayMs,
            db_.count("SELECT valid_until FROM membercard_issued"));
  EXPECT_EQ(db_.count("SELECT MAX(valid_until) FROM membercard_purchases"),
            db_.count("SELECT valid_until FROM membercard_issued"));
  EXPECT_EQ(1u, call("/membercard/my", {})->getArray("data")->size());
  EXPECT_DOUBLE_EQ(0, balance());
}

}  // namespace
}  // namespace paynext::testing
