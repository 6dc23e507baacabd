// The knowledge module end to end: an admin publishes an item, a user opens
// a purchase through the module's route, pays it with WeChat (nextAction
// type 1) and then reads the item's content through the module's route.
#include <gtest/gtest.h>

#include "tests/integration/support/db_probe.h"
#include "tests/integration/support/paynext_env.h"

namespace paynext::testing {
namespace {

class KnowledgeFlowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    env_.createFactory("f1", {"knowledge"});
    auto r = env_.admin("POST", "/factories/f1/modules/knowledge/items",
                        R"({"title":"理财入门","summary":"十节课讲清楚","price":"12.50","content":"第一课:记账"})");
    ASSERT_EQ(201, r.status) << r.body;
    item_ = std::to_string(r.json()->getValue<std::int64_t>("id"));
    token_ = env_.userToken("f1", "13800000000");
  }

  Poco::JSON::Object::Ptr call(const std::string& path, std::map<std::string, std::string> fields,
                               const std::string& token = "") {
    fields["token"] = token.empty() ? token_ : token;
    return env_.call("f1", path, fields);
  }
  std::string order(const std::string& token = "") {
    auto r = call("/knowledge/order", {{"itemId", item_}}, token);
    EXPECT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
    return std::to_string(r->getObject("data")->getValue<std::int64_t>("id"));
  }

  PaynextEnv env_{EnvOptions{{"knowledge"}}};
  DbProbe db_{env_.storage()};
  std::string item_, token_;
};

TEST_F(KnowledgeFlowTest, PaysAPurchaseWithWeChatThenReadsTheContent) {
  const auto purchase = order();
  auto item = call("/knowledge/item", {{"id", item_}});
  ASSERT_EQ(0, item->getValue<int>("code"));
  EXPECT_FALSE(item->getObject("data")->has("content"));

  auto r = call("/pay/wx/wxapp", {{"money", "12.50"}, {"nextAction", "{type:1, id:" + purchase + "}"}});
  ASSERT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
  env_.simPay(r->getObject("data")->getValue<std::string>("outTradeId"));

  ASSERT_TRUE(eventually([&] {
    item = call("/knowledge/item", {{"id", item_}});
    return item->getObject("data")->has("content");
  })) << env_.log();
  EXPECT_EQ("第一课:记账", item->getObject("data")->getValue<std::string>("content"));
  EXPECT_TRUE(item->getObject("data")->getValue<bool>("bought"));
  auto purchases = call("/knowledge/purchases", {});
  ASSERT_EQ(0, purchases->getValue<int>("code"));
  EXPECT_EQ("PAID", purchases->getArray("data")->getObject(0)->getValue<std::string>("status"));
  // The step debited exactly what the notification credited.
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM chain_steps WHERE status = 'DONE'"));
  EXPECT_DOUBLE_EQ(0, call("/user/amount", {})->getObject("data")->getValue<double>("balance"));

  // Bought once: no second purchase, and paying the first again is refused.
  r = call("/knowledge/order", {{"itemId", item_}});
  EXPECT_EQ(300, r->getValue<int>("code"));
  EXPECT_EQ("已购买过知识付费内容「理财入门」,不能重复购买", r->getValue<std::string>("msg"));
  r = call("/pay/wx/wxapp", {{"money", "12.50"}, {"nextAction", "{type:1, id:" + purchase + "}"}});
  EXPECT_EQ(300, r->getValue<int>("code"));
  EXPECT_EQ("nextAction 第 1 步:知识付费订单 " + purchase + " 已支付,不能重复支付", r->getValue<std::string>("msg"));

  // Another user sees the summary only; admins see the purchase.
  const auto other = env_.userToken("f1", "13900000000");
  item = call("/knowledge/item", {{"id", item_}}, other);
  EXPECT_EQ("十节课讲清楚", item->getObject("data")->getValue<std::string>("summary"));
  EXPECT_FALSE(item->getObject("data")->has("content"));
  auto admin = env_.admin("GET", "/factories/f1/modules/knowledge/purchases");
  ASSERT_EQ(200, admin.status) << admin.body;
  EXPECT_NE(std::string::npos, admin.body.find("\"status\":\"PAID\"")) << admin.body;
}

TEST_F(KnowledgeFlowTest, ARefusedPaymentStoresNothing) {
  const auto mine = order();
  const auto theirs = order(env_.userToken("f1", "13900000000"));
  auto r = call("/pay/wx/wxapp", {{"money", "12.50"}, {"nextAction", "{type:1}"}});
  EXPECT_EQ(300, r->getValue<int>("code"));
  EXPECT_EQ("nextAction 第 1 步:缺少参数 id", r->getValue<std::string>("msg"));
  r = call("/pay/wx/wxapp", {{"money", "12.50"}, {"nextAction", "{type:1, id:'x'}"}});
  EXPECT_EQ("nextAction 第 1 步:参数 id 格式错误,应为以英文逗号分隔的编号", r->getValue<std::string>("msg"));
  r = call("/pay/wx/wxapp", {{"money", "12.50"}, {"nextAction", "{type:1, id:" + theirs + "}"}});
  EXPECT_EQ(700, r->getValue<int>("code"));
  EXPECT_EQ("nextAction 第 1 步:知识付费订单 " + theirs + " 不存在", r->getValue<std::string>("msg"));
  // The money must cover the item's price, whatever the client claims.
  r = call("/pay/wx/wxapp", {{"money", "0.01"}, {"nextAction", "{type:1, id:" + mine + "}"}});
  EXPECT_NE(0, r->getValue<int>("code"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM payments"));
  EXPECT_EQ(2, db_.count("SELECT COUNT(*) FROM knowledge_purchases WHERE status = 'PENDING'"));
}

}  // namespace
}  // namespace paynext::testing
