// The addbell module end to end: an admin keeps a service and opens a service
// order for a user at the front desk; the user asks to add time through the
// module's route, pays the add-bell record with WeChat (nextAction type 19)
// and sees the order's end move; one record paid by two racing payments
// extends the order once, the loser's money staying in its wallet.
#include <gtest/gtest.h>

#include "tests/integration/support/db_probe.h"
#include "tests/integration/support/paynext_env.h"

namespace paynext::testing {
namespace {

class AddbellFlowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    env_.createFactory("f1", {"addbell"});
    auto r = env_.admin("POST", "/factories/f1/modules/addbell/services",
                        R"({"name":"足疗","baseMinutes":60,"basePrice":"98","unitMinutes":30,"unitPrice":"45.50",)"
                        R"("maxUnits":3})");
    ASSERT_EQ(201, r.status) << r.body;
    token_ = env_.userToken("f1", "13800000000");
    user_ = db_.count("SELECT id FROM users WHERE mobile = '13800000000'");
  }

  Poco::JSON::Object::Ptr call(const std::string& path, std::map<std::string, std::string> fields,
                               const std::string& token = "") {
    fields["token"] = token.empty() ? token_ : token;
    return env_.call("f1", path, fields);
  }
  // Opens an order for the user, as the front desk does; its id.
  std::string openOrder(const std::string& startTime = "") {
    const std::string start = startTime.empty() ? "" : R"(,"startTime":")" + startTime + "\"";
    auto r = env_.admin("POST", "/factories/f1/modules/addbell/orders",
                        R"({"userId":)" + std::to_string(user_) + R"(,"serviceId":1,"technician":"8号技师")" + start +
                            "}");
    EXPECT_EQ(201, r.status) << r.body;
    return std::to_string(r.json()->getValue<std::int64_t>("id"));
  }
  std::string apply(const std::string& order, const std::string& units) {
    auto r = call("/addbell/apply", {{"orderId", order}, {"units", units}});
    EXPECT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
    return std::to_string(r->getObject("data")->getValue<std::int64_t>("id"));
  }
  std::string pay(const std::string& money, const std::string& record) {
    auto r = call("/pay/wx/wxapp", {{"money", money}, {"nextAction", "{type:19, orderAddBellId:" + record + "}"}});
    EXPECT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
    return r->getObject("data")->getValue<std::string>("outTradeId");
  }
  std::int64_t addedMinutes() { return db_.count("SELECT CAST(COALESCE(SUM(added_minutes), 0) AS BIGINT) FROM addbell_orders"); }
  double balance() { return call("/user/amount", {})->getObject("data")->getValue<double>("balance"); }

  PaynextEnv env_{EnvOptions{{"addbell"}, {{"worker.threads", "2"}, {"worker.pollIntervalMs", "100"}}}};
  DbProbe db_{env_.storage()};
  std::string token_;
  std::int64_t user_ = 0;
};

TEST_F(AddbellFlowTest, AddsTimeWithWeChatAndSeesTheOrderEndLater) {
  const auto order = openOrder();
  auto orders = call("/addbell/orders", {});
  ASSERT_EQ(0, orders->getValue<int>("code")) << orders->getValue<std::string>("msg");
  const auto endBefore = orders->getArray("data")->getObject(0)->getValue<std::string>("endTime");
  EXPECT_EQ("RUNNING", orders->getArray("data")->getObject(0)->getValue<std::string>("status"));

  const auto record = apply(order, "2");
  const auto out = pay("91", record);
  env_.simPay(out);
  ASSERT_TRUE(eventually([&] { return db_.steps(out) == "DONE"; })) << env_.log();

  auto records = call("/addbell/records", {});
  ASSERT_EQ(0, records->getValue<int>("code"));
  EXPECT_EQ("PAID", records->getArray("data")->getObject(0)->getValue<std::string>("status"));
  orders = call("/addbell/orders", {});
  const auto shown = orders->getArray("data")->getObject(0);
  EXPECT_EQ(60, shown->getValue<std::int64_t>("addedMinutes"));
  EXPECT_NE(endBefore, shown->getValue<std::string>("endTime"));
  EXPECT_EQ(120 * 60000, db_.count("SELECT end_at - start_at FROM addbell_orders"));
  EXPECT_DOUBLE_EQ(0, balance());

  // Paid once: paying it again is refused up front.
  auto r = call("/pay/wx/wxapp", {{"money", "91"}, {"nextAction", "{type:19, orderAddBellId:" + record + "}"}});
  EXPECT_EQ(300, r->getValue<int>("code"));
  EXPECT_EQ("nextAction 第 1 步:加钟记录 " + record + " 已支付,不能重复支付", r->getValue<std::string>("msg"));
  auto admin = env_.admin("GET", "/factories/f1/modules/addbell/records?status=PAID");
  ASSERT_EQ(200, admin.status) << admin.body;
  EXPECT_NE(std::string::npos, admin.body.find("\"paidReference\":\"" + out + "-0\"")) << admin.body;
}

TEST_F(AddbellFlowTest, ARefusedPaymentStoresNothing) {
  const auto order = openOrder();
  const auto record = apply(order, "1");
  auto r = call("/pay/wx/wxapp", {{"money", "45.50"}, {"nextAction", "{type:19}"}});
  EXPECT_EQ(300, r->getValue<int>("code"));
  EXPECT_EQ("nextAction 第 1 步:缺少参数 orderAddBellId", r->getValue<std::string>("msg"));
  r = call("/pay/wx/wxapp", {{"money", "45.50"}, {"nextAction", "{type:19, orderAddBellId:'x'}"}});
  EXPECT_EQ("nextAction 第 1 步:参数 orderAddBellId 格式错误,应为整数", r->getValue<std::string>("msg"));
  // Another user's record is missing to them.
  r = call("/pay/wx/wxapp", {{"money", "45.50"}, {"nextAction", "{type:19, orderAddBellId:" + record + "}"}},
           env_.userToken("f1", "13900000000"));
  EXPECT_EQ(700, r->getValue<int>("code"));
  EXPECT_EQ("nextAction 第 1 步:加钟记录 " + record + " 不存在", r->getValue<std::string>("msg"));
  // The money must cover the record's amount, whatever the client claims.
  r = call("/pay/wx/wxapp", {{"money", "0.01"}, {"nextAction", "{type:19, orderAddBellId:" + record + "}"}});
  EXPECT_NE(0, r->getValue<int>("code"));
  // An order already finished (it started in 2020) is refused with its message.
  const auto over = openOrder("2020-01-01 10:00:00");
  r = call("/addbell/apply", {{"orderId", over}, {"units", "1"}});
  EXPECT_EQ("服务订单 " + over + " 已结束,不能加钟", r->getValue<std::string>("msg"));
  env_.admin("PUT", "/factories/f1/modules/addbell/orders", R"({"id":)" + order + "}");
  r = call("/pay/wx/wxapp", {{"money", "45.50"}, {"nextAction", "{type:19, orderAddBellId:" + record + "}"}});
  EXPECT_EQ(300, r->getValue<int>("code"));
  EXPECT_EQ("nextAction 第 1 步:加钟记录 " + record + " 已失效(服务订单已结束)", r->getValue<std::string>("msg"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM payments"));
  EXPECT_EQ(0, addedMinutes());
}

TEST_F(AddbellFlowTest, TwoPaymentsRaceForOneRecordAndOnlyOneExtends) {
  const auto order = openOrder();
  const auto record = apply(order, "1");
  const auto first = pay("45.50", record);
  const auto second = pay("45.50", record);
  env_.simPayAtOnce({first, second});
  ASSERT_TRUE(eventually([&] { return db_.settled(first) && db_.settled(second); })) << env_.log();
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM chain_steps WHERE status = 'DONE'"));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM chain_steps WHERE status = 'FAILED'"));
  EXPECT_EQ("加钟记录 " + record + " 已支付,不能重复支付",
            db_.text("SELECT last_error FROM chain_steps WHERE status = 'FAILED'"));
  EXPECT_EQ(30, addedMinutes());
  // The loser's money stays in the wallet.
  EXPECT_DOUBLE_EQ(45.5, balance());
}

TEST_F(AddbellFlowTest, TwoRecordsOfOneOrderBothExtendIt) {
  const auto order = openOrder();
  const auto a = apply(order, "1"), b = apply(order, "3");
  const auto first = pay("45.50", a);
  const auto second = pay("136.50", b);
  env_.simPayAtOnce({first, second});
  ASSERT_TRUE(eventually([&] { return db_.settled(first) && db_.settled(second); })) << env_.log();
  EXPECT_EQ(2, db_.count("SELECT COUNT(*) FROM chain_steps WHERE status = 'DONE'"));
  EXPECT_EQ(120, addedMinutes());
  EXPECT_DOUBLE_EQ(0, balance());
}

}  // namespace
}  // namespace paynext::testing
