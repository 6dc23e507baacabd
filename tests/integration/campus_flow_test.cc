// The campus-card API of 001 end to end: an admin sets the project up, a
// logged-in user pays packages through the gateway simulator and sees them
// activated.
#include <gtest/gtest.h>

#include <Poco/JSON/Parser.h>

#include "tests/integration/support/db_probe.h"
#include "tests/integration/support/paynext_env.h"

namespace paynext::testing {
namespace {

class CampusFlowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    env_.createFactory("f1", {"campus"});
    admin("PUT", "/settings", R"({"projectName":"智慧校园一卡通","selectType":0,"qrCode":"http://q/r.png"})");
    admin("PUT", "/packages",
          R"({"id":"10000001","type":0,"itemName":"A套餐-不含定位","itemPrice":"¥158元/年","price":15800,)"
          R"("description":"包含多监护人,进出校考勤","payTypes":[0,1],)"
          R"("details":[{"icon":"http://oss/att.png","title":"进出校考勤","content":"每天到校离校通知"}]})");
    token_ = env_.userToken("f1", "13800000000");
    auto login = env_.call("f1", "/user/m/login", {{"mobile", "13800000000"}, {"pwd", "secret123"}});
    uid_ = std::to_string(login->getObject("data")->getValue<std::int64_t>("uid"));
    admin("PUT", "/holders",
          R"({"userId":)" + uid_ + R"(,"empName":"陈雅诺","cardNo":"335731330","imei":"8600001","sim":"1440001",)"
          R"("gradeName":"三年级","className":"2班","mobile":"13800000000"})");
  }

  void admin(const std::string& method, const std::string& path, const std::string& json) {
    auto r = env_.admin(method, "/factories/f1/modules/campus" + path, json);
    ASSERT_EQ(200, r.status) << method << " " << path << ": " << r.body;
  }

  // POST /f1/api/Pay/<name> with a JSON body and the token header.
  HttpResult post(const std::string& name, const std::string& json) {
    return env_.api().send("POST", "/f1/api/Pay/" + name, json, "application/json", {{"token", token_}});
  }

  Poco::JSON::Object::Ptr parse(const HttpResult& r) {
    EXPECT_EQ(200, r.status) << r.body;
    return r.json();
  }

  PaynextEnv env_{EnvOptions{{"campus"}}};
  DbProbe db_{env_.storage()};
  std::string token_, uid_;
};

TEST_F(CampusFlowTest, BuysAPackageWithWeChatAndSeesItActivated) {
  auto packages = parse(post("SearchPayPackages", R"({"userID":")" + uid_ + R"(","type":0,"payType":0})"));
  ASSERT_EQ(0, packages->getValue<int>("error")) << packages->get("message").toString();
  auto data = packages->getObject("data");
  EXPECT_EQ("陈雅诺", data->getValue<std::string>("empName"));
  EXPECT_EQ("http://q/r.png", data->getValue<std::string>("qrCode"));
  ASSERT_EQ(1u, data->getArray("items")->size());
  EXPECT_EQ(158, data->getArray("items")->getObject(0)->getValue<int>("itemValue"));

  auto paid = parse(post("PayMoney", R"({"channel":"wx","subject":"智慧校园一卡通","body":"A套餐","amount":15800,)"
                                     R"("userID":")" + uid_ + R"(","empName":"陈雅诺","itemIDs":"10000001","type":0})"));
  ASSERT_EQ(0, paid->getValue<int>("error")) << paid->get("message").toString();
  const auto charge = paid->getObject("data")->getObject("chargeData")->getObject("charge");
  const auto outTradeId = charge->getValue<std::string>("order_no");
  EXPECT_EQ(outTradeId + "-10000001", paid->getObject("data")->getValue<std::string>("recordIDs"));
  EXPECT_EQ("ch_" + outTradeId, charge->getValue<std::string>("id"));
  EXPECT_EQ(15800, charge->getValue<int>("amount"));
  EXPECT_EQ("f1", charge->getValue<std::string>("app"));
  const auto wx = charge->getObject("credential")->getObject("wx");
  EXPECT_EQ(kAppId, wx->getValue<std::string>("appId"));
  EXPECT_EQ(kMchId, wx->getValue<std::string>("partnerId"));
  EXPECT_EQ("Sign=WXPay", wx->getValue<std::string>("packageValue"));
  EXPECT_FALSE(wx->getValue<std::string>("prepayId").empty());
  EXPECT_FALSE(wx->getValue<std::string>("sign").empty());
  EXPECT_GT(charge->getValue<std::int64_t>("time_expire"), charge->getValue<std::int64_t>("created"));

  // Not paid yet: nothing to show.
  const std::string query = R"({"ids":")" + outTradeId + R"(-10000001"})";
  EXPECT_EQ(R"({"error":1,"message":"支付未完成或记录不存在","data":null})", post("SearchSuccessData", query).body);

  env_.simPay(outTradeId);
  Poco::JSON::Object::Ptr success;
  ASSERT_TRUE(eventually([&] {
    success = parse(post("SearchSuccessData", query));
    return success->getValue<int>("error") == 0;
  })) << env_.log();
  const auto record = success->getObject("data");
  EXPECT_EQ("智慧校园一卡通", record->getValue<std::string>("projectName"));
  EXPECT_EQ("A套餐-不含定位", record->getValue<std::string>("itemName"));
  EXPECT_EQ("陈雅诺", record->getValue<std::string>("empName"));
  EXPECT_EQ("8600001", record->getValue<std::string>("imei"));
  EXPECT_EQ(19u, record->getValue<std::string>("payStartDate").size());
  EXPECT_EQ(19u, record->getValue<std::string>("payEndDate").size());
  EXPECT_LT(record->getValue<std::string>("payStartDate"), record->getValue<std::string>("payEndDate"));
  // The step debited exactly what the notification credited.
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM chain_steps WHERE status = 'DONE'"));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM campus_records WHERE out_trade_id = '" + outTradeId + "'"));

  // Form bodies and the token parameter work too; orderNumber finds the payment's records.
  auto byOrder = env_.call("f1", "/api/Pay/SearchSuccessData", {{"token", token_}, {"orderNumber", outTradeId}});
  EXPECT_EQ(0, byOrder->getValue<int>("error"));
  EXPECT_EQ("A套餐-不含定位", byOrder->getObject("data")->getValue<std::string>("itemName"));
}

TEST_F(CampusFlowTest, AlipayWapAnswersTheGatewayUrlAsACredential) {
  admin("PUT", "/settings",
        R"({"projectName":"智慧校园一卡通","selectType":0,"successUrl":"http://pay.example/api/charges/success",)"
        R"("cancelUrl":"http://pay.example/api/charges/cancel"})");
  auto paid = parse(post("PayMoney", R"({"channel":"alipay_wap","subject":"短信支付","body":"一年的短信费用",)"
                                     R"("amount":"15800","userID":")" + uid_ +
                                         R"(","empName":"陈雅诺","itemIDs":"10000001","type":0})"));
  ASSERT_EQ(0, paid->getValue<int>("error")) << paid->get("message").toString();
  const auto charge = paid->getObject("data")->getObject("chargeData")->getObject("charge");
  EXPECT_EQ("alipay_wap", charge->getValue<std::string>("channel"));
  EXPECT_EQ("127.0.0.1", charge->getValue<std::string>("client_ip"));  // the caller, as paynext saw it
  const auto wap = charge->getObject("credential")->getObject("alipay_wap");
  EXPECT_EQ("http://127.0.0.1:" + std::to_string(env_.sim().port()) + "/gateway.do",
            wap->getValue<std::string>("channel_url"));
  EXPECT_EQ(kAlipayAppId, wap->getValue<std::string>("app_id"));
  EXPECT_EQ("alipay.trade.wap.pay", wap->getValue<std::string>("method"));
  EXPECT_FALSE(wap->getValue<std::string>("sign").empty());
  const auto biz = Poco::JSON::Parser().parse(wap->getValue<std::string>("biz_content")).extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(charge->getValue<std::string>("order_no"), biz->getValue<std::string>("out_trade_no"));
  EXPECT_EQ("158.00", biz->getValue<std::string>("total_amount"));
  EXPECT_EQ("120m", biz->getValue<std::string>("timeout_express"));  // paynext's 2 h expiry
  // The return address reaches Alipay, and the charge shows it as 001 does.
  EXPECT_EQ("http://pay.example/api/charges/success", wap->getValue<std::string>("return_url"));
  EXPECT_EQ("http://pay.example/api/charges/cancel", biz->getValue<std::string>("quit_url"));
  const auto extra = charge->getObject("extra");
  EXPECT_EQ(2u, extra->size());
  EXPECT_EQ("http://pay.example/api/charges/success", extra->getValue<std::string>("success_url"));
  EXPECT_EQ("http://pay.example/api/charges/cancel", extra->getValue<std::string>("cancel_url"));
  EXPECT_TRUE(charge->getValue<bool>("livemode"));
}

TEST_F(CampusFlowTest, RefusesInTheDialectAndStoresNothing) {
  auto r = post("PayMoney", R"({"channel":"wx","subject":"s","body":"b","amount":100,"userID":")" + uid_ +
                                R"(","empName":"陈雅诺","itemIDs":"10000001","type":0})");
  EXPECT_EQ(200, r.status);
  EXPECT_EQ(R"({"error":1,"message":"参数 amount 与所选套餐总价不符,应为 15800 分","data":null})", r.body);
  r = post("PayMoney", R"({"channel":"wx","subject":"s","body":"b","amount":0.01,"userID":")" + uid_ +
                           R"(","empName":"陈雅诺","itemIDs":"10000001","type":0})");
  EXPECT_EQ(R"j({"error":1,"message":"参数 amount 格式错误,应为以分为单位的正整数(1 元填 100)","data":null})j", r.body);
  r = post("SearchPayPackages", R"({"userID":"999999","type":0,"payType":0})");
  EXPECT_EQ(R"({"error":1,"message":"userID 与当前登录用户不符","data":null})", r.body);
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM payments"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM campus_records"));
  // Without a token: refused in the dialect too.
  r = env_.api().send("POST", "/f1/api/Pay/SearchPayPackages", R"({"userID":")" + uid_ + R"(","type":0,"payType":0})",
                      "application/json");
  const auto body = r.json();
  EXPECT_EQ(1, body->getValue<int>("error")) << r.body;
  EXPECT_TRUE(body->isNull("data"));
}

TEST_F(CampusFlowTest, SingleChoiceTakesOnePackageAndMultipleChoiceSeveral) {
  admin("PUT", "/packages",
        R"({"id":"10000002","type":0,"itemName":"B套餐-含定位","itemPrice":"¥188元/年","price":18800,"payTypes":[0]})");
  const std::string both = R"({"channel":"wx","subject":"s","body":"b","amount":34600,"userID":")" + uid_ +
                           R"(","empName":"陈雅诺","itemIDs":"10000001,10000002","type":0})";
  // SetUp saved selectType 0 (单选).
  auto r = post("PayMoney", both);
  EXPECT_EQ(200, r.status);
  EXPECT_EQ(R"({"error":1,"message":"本项目套餐为单选,参数 itemIDs 只能包含 1 个套餐","data":null})", r.body);
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM payments"));

  admin("PUT", "/settings", R"({"projectName":"智慧校园一卡通","selectType":1})");
  auto paid = parse(post("PayMoney", both));
  ASSERT_EQ(0, paid->getValue<int>("error")) << paid->get("message").toString();
  const auto outTradeId = paid->getObject("data")->getObject("chargeData")->getObject("charge")->getValue<std::string>("order_no");
  EXPECT_EQ(outTradeId + "-10000001," + outTradeId + "-10000002", paid->getObject("data")->getValue<std::string>("recordIDs"));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM payments"));
}

TEST_F(CampusFlowTest, CardHoldersAreOnlyForUsersOfTheFactory) {
  // A user of another factory is no user of f1.
  env_.createFactory("f2", {"campus"});
  env_.userToken("f2", "13900000000");
  auto login = env_.call("f2", "/user/m/login", {{"mobile", "13900000000"}, {"pwd", "secret123"}});
  const std::string stranger = std::to_string(login->getObject("data")->getValue<std::int64_t>("uid"));
  ASSERT_NE(uid_, stranger);
  for (const std::string& userId : {stranger, std::string("999999")}) {
    auto r = env_.admin("PUT", "/factories/f1/modules/campus/holders",
                        R"({"userId":)" + userId + R"(,"empName":"某人"})");
    EXPECT_EQ(404, r.status) << r.body;
    EXPECT_NE(std::string::npos, r.body.find("用户 " + userId + " 不存在")) << r.body;
  }
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM campus_card_holders"));
  EXPECT_EQ(200, env_.admin("GET", "/factories/f1/modules/campus/holders?userId=" + uid_).status);
}

}  // namespace
}  // namespace paynext::testing
