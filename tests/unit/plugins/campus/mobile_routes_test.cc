#include "plugins/campus/mobile_routes.h"

#include <Poco/JSON/Parser.h>

#include "campus_test_support.h"

namespace paynext::plugins::campus::test {
namespace {

class MobileRoutesTest : public CampusTest {
 protected:
  void SetUp() override { setUpFactory(); }

  std::string body(const std::string& path, const std::string& json) { return stringify(h.call(path, json).body); }

  // The route refuses with exactly this message and changes and pays nothing.
  void refused(const std::string& path, const std::string& json, const std::string& message) {
    const auto before = snapshot();
    const auto requests = h.checkout().requests.size();
    EXPECT_EQ(body(path, json), refusalBody(message)) << json;
    EXPECT_EQ(snapshot(), before) << json;
    EXPECT_EQ(h.checkout().requests.size(), requests) << json;
  }

  static std::string pay(const std::string& fields) {
    return R"({"channel":"wx","subject":"智慧校园一卡通","body":"套餐B-带定位功能","userID":"7","empName":"陈雅诺",)" +
           fields + "}";
  }

  void wxParams() {
    h.checkout().payParams = Poco::JSON::Parser().parse(
        R"({"appid":"wxapp","partnerid":"1900","prepayid":"wx20240101","package":"Sign=WXPay",)"
        R"("noncestr":"abc","timestamp":"1704067200","sign":"SIGN","outTradeId":"PNTEST1"})");
  }
};

TEST_F(MobileRoutesTest, RoutesArePostForUsersInTheDocumentsDialect) {
  const auto routes = CampusModule().routes();
  std::vector<std::string> mobile;
  for (const auto& r : routes) {
    if (r.audience != sdk::Audience::User) continue;
    mobile.push_back(r.path);
    EXPECT_EQ(r.method, "POST");
    EXPECT_FALSE(r.writes) << r.path;
    ASSERT_TRUE(r.refusal);
    EXPECT_EQ(stringify(r.refusal(2000, "请先登录")), refusalBody("请先登录"));
  }
  EXPECT_EQ(mobile, (std::vector<std::string>{"/api/Pay/SearchPayPackages", "/api/Pay/PayMoney",
                                              "/api/Pay/SearchSuccessData"}));
}

TEST_F(MobileRoutesTest, SearchPayPackagesAnswersTheDocumentsShape) {
  EXPECT_EQ(body("/api/Pay/SearchPayPackages", R"({"userID":"7","type":0,"payType":0})"),
            R"({"error":0,"data":{"empName":"陈雅诺","selectType":1,"qrCode":"http://q/r.png","photo":"http://oss/p.jpg",)"
            R"("cardNo":"335731330","protocolUrl":"http://p/x.html","wxAccount":"wx-acc","alipayAccount":"ali-acc",)"
            R"("unionPayAccount":"","projectDescription":"项目描述","items":[)"
            R"({"id":"10000001","itemName":"A套餐-不含定位","itemPrice":"¥158元/年","itemValue":158,)"
            R"("description":"包含进出校考勤","details":[{"icon":"http://oss/att.png","title":"进出校考勤","content":"每天到校离校通知"},)"
            R"({"icon":"http://oss/ans.png","title":"答题器功能","content":"课堂答题"}]},)"
            R"({"id":"10000002","itemName":"B套餐-含定位","itemPrice":"¥188元/年","itemValue":188,)"
            R"("description":"包含进出校考勤","details":[{"icon":"http://oss/att.png","title":"进出校考勤","content":"每天到校离校通知"},)"
            R"({"icon":"http://oss/ans.png","title":"答题器功能","content":"课堂答题"}]}]}})");
}

TEST_F(MobileRoutesTest, SearchPayPackagesFiltersByTypeAndPayType) {
  addPackage("10000003", 0, 1, "一分钱", "[0]");
  admin("PUT", "/packages", R"({"id":"10000004","type":0,"itemName":"停用","itemPrice":"x","price":1,"enabled":false})");
  auto items = [&](const std::string& json) {
    std::string ids;
    auto data = object(h.call("/api/Pay/SearchPayPackages", json).body)->getObject("data");
    auto list = data->getArray("items");
    for (std::size_t i = 0; i < list->size(); ++i) {
      ids += list->getObject(static_cast<unsigned>(i))->getValue<std::string>("id") + " " +
             list->getObject(static_cast<unsigned>(i))->get("itemValue").toString() + ";";
    }
    return ids;
  };
  EXPECT_EQ(items(R"({"userID":"7","type":0,"payType":0})"), "10000001 158;10000002 188;10000003 0.01;");
  EXPECT_EQ(items(R"({"userID":7,"type":"0","payType":"1"})"), "10000002 188;");
  EXPECT_EQ(items(R"({"userID":"7","type":1,"payType":0})"), "20000001 30;");
  EXPECT_EQ(items(R"({"userID":"7","type":1,"payType":1})"), "");
}

TEST_F(MobileRoutesTest, SearchPayPackagesRefusesBadInputAndOtherUsers) {
  const std::string path = "/api/Pay/SearchPayPackages";
  refused(path, R"({"type":0,"payType":0})", "缺少参数 userID");
  refused(path, R"({"userID":"8","type":0,"payType":0})", "userID 与当前登录用户不符");
  refused(path, R"({"userID":"7","payType":0})", "缺少参数 type");
  refused(path, R"({"userID":"7","type":2,"payType":0})", "参数 type 格式错误,应为0(一卡通付费套餐)或 1(短信套餐)");
  refused(path, R"({"userID":"7","type":0,"payType":2})", "参数 payType 格式错误,应为0(正常购买)或 1(升级)");
  refused(path, R"({"userID":"7","type":0,"payType":"x"})", "参数 payType 格式错误,应为0(正常购买)或 1(升级)");
}

TEST_F(MobileRoutesTest, PayMoneyOpensAWxPaymentWithTheChainAndAnswersAPingppCharge) {
  wxParams();
  const auto r = h.call("/api/Pay/PayMoney", pay(R"("amount":34600,"itemIDs":"10000001,10000002","type":0)"));
  ASSERT_EQ(h.checkout().requests.size(), 1u) << stringify(r.body);
  const auto& req = h.checkout().requests[0];
  EXPECT_EQ(req.channel, sdk::PayChannel::wxpay("app"));
  EXPECT_EQ(req.money, 34600);
  EXPECT_EQ(req.points, 0);
  EXPECT_EQ(req.subject, "智慧校园一卡通");
  EXPECT_EQ(req.body, "套餐B-带定位功能");
  EXPECT_EQ(req.nextAction, R"({"type":2001,"itemIDs":"10000001,10000002","payType":0,"empName":"陈雅诺"})");
  EXPECT_EQ(stringify(r.body),
            R"({"error":0,"data":{"recordIDs":"PNTEST1-10000001,PNTEST1-10000002","chargeData":{"error":0,"charge":{)"
            R"("id":"ch_PNTEST1","object":"charge","created":1704067200,"livemode":true,"paid":false,"refunded":false,)"
            R"("app":"test","channel":"wx","order_no":"PNTEST1","client_ip":"127.0.0.1","amount":34600,"amount_settle":34600,)"
            R"("currency":"cny","subject":"智慧校园一卡通","body":"套餐B-带定位功能","extra":{},"time_paid":null,)"
            R"("time_expire":1704074400,"time_settle":null,"transaction_no":null,"refunds":{"object":"list",)"
            R"("url":"/v1/charges/ch_PNTEST1/refunds","has_more":false,"data":[]},"amount_refunded":0,)"
            R"("failure_code":null,"failure_msg":null,"metadata":{},"credential":{"object":"credential","wx":{)"
            R"("appId":"wxapp","partnerId":"1900","prepayId":"wx20240101","nonceStr":"abc","timeStamp":"1704067200",)"
            R"("packageValue":"Sign=WXPay","sign":"SIGN"}},"description":null}}}})");
  // Nothing is activated before the payment is made.
  EXPECT_NE(snapshot().find("campus_records=0;"), std::string::npos);
}

TEST_F(MobileRoutesTest, PayMoneyWithAlipayAppGivesTheOrderString) {
  h.checkout().payParams = std::string("app_id=2021&biz_content=%7B%7D&sign=abc%2B");
  const auto r = h.call("/api/Pay/PayMoney", pay(R"("channel":"alipay","amount":"3000","itemIDs":"20000001","type":0)"));
  ASSERT_EQ(h.checkout().requests.size(), 1u) << stringify(r.body);
  EXPECT_EQ(h.checkout().requests[0].channel, sdk::PayChannel::alipay("app"));
  const auto charge = object(r.body)->getObject("data")->getObject("chargeData")->getObject("charge");
  EXPECT_EQ(charge->getValue<std::string>("channel"), "alipay");
  EXPECT_EQ(stringify(charge->get("credential")),
            R"({"object":"credential","alipay":{"orderInfo":"app_id=2021&biz_content=%7B%7D&sign=abc%2B"}})");
}

TEST_F(MobileRoutesTest, PayMoneyWithAlipayWapSplitsTheGatewayUrl) {
  h.checkout().payParams =
      std::string("https://openapi.alipay.com/gateway.do?app_id=2021&charset=utf-8&method=alipay.trade.wap.pay"
                  "&timestamp=2024-01-01%2012%3A00%3A00&sign=a%2Bb%3D");
  const auto r =
      h.call("/api/Pay/PayMoney", pay(R"("channel":"alipay_wap","amount":18800,"itemIDs":"10000002","type":0)"));
  ASSERT_EQ(h.checkout().requests.size(), 1u) << stringify(r.body);
  EXPECT_EQ(h.checkout().requests[0].channel, sdk::PayChannel::alipay("wap"));
  const auto charge = object(r.body)->getObject("data")->getObject("chargeData")->getObject("charge");
  EXPECT_EQ(stringify(charge->get("credential")),
            R"({"object":"credential","alipay_wap":{"channel_url":"https://openapi.alipay.com/gateway.do",)"
            R"("app_id":"2021","charset":"utf-8","method":"alipay.trade.wap.pay","timestamp":"2024-01-01 12:00:00",)"
            R"("sign":"a+b="}})");
  EXPECT_EQ(stringify(charge->get("extra")), "{}");  // no pages set
}

// 001's alipay_wap charge: the settings' pages go to Alipay as return_url and
// quit_url and show in charge.extra; a test channel says livemode false.
TEST_F(MobileRoutesTest, PayMoneyWithAlipayWapSendsTheSettingsPagesAndSaysWhetherLive) {
  admin("PUT", "/settings",
        R"({"projectName":"智慧校园一卡通","selectType":1,"successUrl":"https://pay.example/success",)"
        R"("cancelUrl":"https://pay.example/cancel"})");
  h.checkout().payParams = std::string("https://openapi.alipay.com/gateway.do?app_id=2021&sign=a");
  h.checkout().live = false;
  const auto r =
      h.call("/api/Pay/PayMoney", pay(R"("channel":"alipay_wap","amount":18800,"itemIDs":"10000002","type":0)"));
  ASSERT_EQ(h.checkout().requests.size(), 1u) << stringify(r.body);
  EXPECT_EQ(h.checkout().requests[0].returnUrl, "https://pay.example/success");
  EXPECT_EQ(h.checkout().requests[0].quitUrl, "https://pay.example/cancel");
  const auto charge = object(r.body)->getObject("data")->getObject("chargeData")->getObject("charge");
  EXPECT_EQ(stringify(charge->get("extra")),
            R"({"success_url":"https://pay.example/success","cancel_url":"https://pay.example/cancel"})");
  EXPECT_FALSE(charge->getValue<bool>("livemode"));

  // The app channels take no pages.
  h.call("/api/Pay/PayMoney", pay(R"("channel":"alipay","amount":18800,"itemIDs":"10000002","type":0)"));
  ASSERT_EQ(h.checkout().requests.size(), 2u);
  EXPECT_EQ(h.checkout().requests[1].returnUrl, "");
}

TEST_F(MobileRoutesTest, PayMoneyRefusesBadInputWithoutPaying) {
  const std::string path = "/api/Pay/PayMoney";
  const std::string items = R"("itemIDs":"10000002","type":0)";
  refused(path, pay(R"("itemIDs":"10000002","type":0)"), "缺少参数 amount");
  refused(path, pay(R"("amount":0.01,)" + items), "参数 amount 格式错误,应为以分为单位的正整数(1 元填 100)");
  refused(path, pay(R"("amount":"188.00",)" + items), "参数 amount 格式错误,应为以分为单位的正整数(1 元填 100)");
  refused(path, pay(R"("amount":-18800,)" + items), "参数 amount 格式错误,应为以分为单位的正整数(1 元填 100)");
  refused(path, pay(R"("amount":"-18800",)" + items), "参数 amount 格式错误,应为以分为单位的正整数(1 元填 100)");
  refused(path, pay(R"("amount":true,)" + items), "参数 amount 格式错误,应为以分为单位的正整数(1 元填 100)");
  refused(path, pay(R"("amount":18801,)" + items), "参数 amount 与所选套餐总价不符,应为 18800 分");
  refused(path, pay(R"("amount":18800,"itemIDs":"99","type":0)"), "套餐 99 不存在");
  refused(path, pay(R"("amount":37600,"itemIDs":"10000002,10000002","type":0)"), "参数 itemIDs 中 10000002 重复");
  refused(path, pay(R"("amount":37600,"itemIDs":"10000002,,","type":0)"), "参数 itemIDs 格式错误,应为以英文逗号分隔的编号");
  refused(path, pay(R"("amount":1,"itemIDs":"1,2,3,4,5,6,7,8,9,10,11","type":0)"), "参数 itemIDs 最多包含 10 项");
  refused(path, pay(R"("amount":18800,"type":0)"), "缺少参数 itemIDs");
  refused(path, pay(R"("amount":18800,"itemIDs":"10000002")"), "缺少参数 type");
  refused(path, pay(R"("amount":18800,"itemIDs":"10000002","type":3)"),
          "参数 type 格式错误,应为0(正常购买)、1(升级)或 2(续费)");
  refused(path, pay(R"("amount":21800,"itemIDs":"10000002,20000001","type":0)"), "套餐 20000001 与 10000002 不是同一类型");
  refused(path, pay(R"("amount":15800,"itemIDs":"10000001","type":1)"), "套餐 10000001 不提供升级");
  refused(path, pay(R"("amount":18800,"itemIDs":"10000002","type":1)"), "没有可升级的有效套餐");
  refused(path, pay(R"("amount":18800,"itemIDs":"10000002","type":2)"), "未开通过套餐 10000002,不能续费");
  refused(path, R"({"channel":"wx","subject":"s","body":"b","empName":"x","amount":18800,)" + items + "}",
          "缺少参数 userID");
  refused(path, R"({"channel":"wx","subject":"s","body":"b","userID":"8","empName":"x","amount":18800,)" + items + "}",
          "userID 与当前登录用户不符");
  refused(path, R"({"channel":"upacp","subject":"s","body":"b","userID":"7","empName":"x","amount":18800,)" + items + "}",
          "参数 channel 格式错误,应为wx、alipay 或 alipay_wap");
  refused(path, R"({"subject":"s","body":"b","userID":"7","empName":"x","amount":18800,)" + items + "}", "缺少参数 channel");
  refused(path, R"({"channel":"wx","body":"b","userID":"7","empName":"x","amount":18800,)" + items + "}", "缺少参数 subject");
  refused(path, R"({"channel":"wx","subject":"s","userID":"7","empName":"x","amount":18800,)" + items + "}", "缺少参数 body");
  refused(path, R"({"channel":"wx","subject":"s","body":"b","userID":"7","amount":18800,)" + items + "}", "缺少参数 empName");
  refused(path, R"({"channel":"wx","subject":")" + std::string(129, 's') +
                    R"(","body":"b","userID":"7","empName":"x","amount":18800,)" + items + "}",
          "参数 subject 不能超过 128 字节");
  admin("PUT", "/packages", R"({"id":"10000002","type":0,"itemName":"B","itemPrice":"x","price":18800,"enabled":false})");
  refused(path, pay(R"("amount":18800,)" + items), "套餐 10000002 已停用");
}

TEST_F(MobileRoutesTest, PayMoneyTakesOnePackageOnlyWhenTheProjectIsSingleChoice) {
  wxParams();
  admin("PUT", "/settings", R"({"projectName":"智慧校园一卡通","selectType":0})");
  refused("/api/Pay/PayMoney", pay(R"("amount":34600,"itemIDs":"10000001,10000002","type":0)"),
          "本项目套餐为单选,参数 itemIDs 只能包含 1 个套餐");
  // One package is still paid for.
  const auto r = h.call("/api/Pay/PayMoney", pay(R"("amount":18800,"itemIDs":"10000002","type":0)"));
  EXPECT_EQ(object(r.body)->getValue<int>("error"), 0) << stringify(r.body);
  ASSERT_EQ(h.checkout().requests.size(), 1u);
  EXPECT_EQ(h.checkout().requests[0].nextAction, R"({"type":2001,"itemIDs":"10000002","payType":0,"empName":"陈雅诺"})");
}

TEST_F(MobileRoutesTest, PayMoneyTakesOnePackageOnlyWhenTheAdminHasSetNoSettings) {
  // A factory without settings reads the default, selectType 0.
  h.session() << "DELETE FROM campus_settings", Poco::Data::Keywords::now;
  refused("/api/Pay/PayMoney", pay(R"("amount":34600,"itemIDs":"10000001,10000002","type":0)"),
          "本项目套餐为单选,参数 itemIDs 只能包含 1 个套餐");
}

TEST_F(MobileRoutesTest, PayMoneyTakesSeveralPackagesWhenTheProjectIsMultipleChoice) {
  // setUpFactory saved selectType 1.
  wxParams();
  const auto r = h.call("/api/Pay/PayMoney", pay(R"("amount":34600,"itemIDs":"10000001,10000002","type":0)"));
  EXPECT_EQ(object(r.body)->getValue<int>("error"), 0) << stringify(r.body);
  ASSERT_EQ(h.checkout().requests.size(), 1u);
  EXPECT_EQ(h.checkout().requests[0].money, 34600);
}

TEST_F(MobileRoutesTest, PayMoneyRenewsAndUpgradesWhenTheUserHasAPackage) {
  wxParams();
  seedRecord("10000001", 0, kJan1 - kDayMs, kJan1 + kDayMs);
  auto r = h.call("/api/Pay/PayMoney", pay(R"("amount":15800,"itemIDs":"10000001","type":2)"));
  EXPECT_EQ(object(r.body)->getValue<int>("error"), 0) << stringify(r.body);
  r = h.call("/api/Pay/PayMoney", pay(R"("amount":18800,"itemIDs":"10000002","type":1)"));
  EXPECT_EQ(object(r.body)->getValue<int>("error"), 0) << stringify(r.body);
  ASSERT_EQ(h.checkout().requests.size(), 2u);
  EXPECT_EQ(h.checkout().requests[1].nextAction, R"({"type":2001,"itemIDs":"10000002","payType":1,"empName":"陈雅诺"})");
  // Once the period is over there is nothing left to upgrade.
  h.clock().now = kJan1 + kDayMs;
  refused("/api/Pay/PayMoney", pay(R"("amount":18800,"itemIDs":"10000002","type":1)"), "没有可升级的有效套餐");
}

TEST_F(MobileRoutesTest, SearchSuccessDataAnswersTheActivatedRecord) {
  h.ledger().balance_ = 100000;
  const auto run = h.newPayment();
  const std::string trade = run.outTradeId;
  ASSERT_EQ(h.execute(2001, R"({"itemIDs":"10000002","payType":0,"empName":"陈雅诺"})", run).status,
            sdk::StepResult::Status::Done);
  EXPECT_EQ(body("/api/Pay/SearchSuccessData", R"({"ids":")" + trade + R"(-10000002"})"),
            R"({"error":0,"data":{"projectName":"智慧校园一卡通","itemName":"B套餐-含定位","payStartDate":")" +
                formatLocal(kJan1) + R"(","payEndDate":")" + formatLocal(kJan1 + 365 * kDayMs) +
                R"(","empName":"陈雅诺","imei":"8600001","sim":"1440001","gradeName":"三年级","className":"2班",)"
                R"("mobile":"13800000000"}})");
  const auto byOrder =
      object(h.call("/api/Pay/SearchSuccessData", R"({"userID":"7","orderNumber":")" + trade + R"("})").body);
  EXPECT_EQ(byOrder->getObject("data")->getValue<std::string>("itemName"), "B套餐-含定位");
}

TEST_F(MobileRoutesTest, SearchSuccessDataAnswersSeveralRecordsAsAnArray) {
  h.ledger().balance_ = 100000;
  const auto run = h.newPayment();
  const std::string trade = run.outTradeId;
  ASSERT_EQ(h.execute(2001, R"({"itemIDs":"10000001,10000002","payType":0})", run).status,
            sdk::StepResult::Status::Done);
  const auto r = object(
      h.call("/api/Pay/SearchSuccessData", R"({"ids":")" + trade + "-10000001," + trade + R"(-10000002"})").body);
  ASSERT_EQ(r->getArray("data")->size(), 2u);
  EXPECT_EQ(r->getArray("data")->getObject(1)->getValue<std::string>("itemName"), "B套餐-含定位");
  // Another payment's records are not this order's.
  ASSERT_EQ(h.execute(2001, R"({"itemIDs":"20000001","payType":0})").status, sdk::StepResult::Status::Done);
  const auto byOrder = object(h.call("/api/Pay/SearchSuccessData", R"({"orderNumber":")" + trade + R"("})").body);
  EXPECT_EQ(byOrder->getArray("data")->size(), 2u);
}

TEST_F(MobileRoutesTest, SearchSuccessDataShowsOnlyTheUsersOwnPaidRecords) {
  const std::string path = "/api/Pay/SearchSuccessData";
  seedRecord("10000001", 0, kJan1, kJan1 + kDayMs, "PN8", 8);
  refused(path, R"({"ids":"PN8-10000001"})", "支付未完成或记录不存在");
  refused(path, R"({"ids":"PNTEST1-10000001"})", "支付未完成或记录不存在");
  refused(path, R"({"orderNumber":"PN8"})", "支付未完成或记录不存在");
  refused(path, "{}", "缺少参数 ids");
  refused(path, R"({"ids":"a b"})", "参数 ids 格式错误,应为以英文逗号分隔的编号");
  refused(path, R"({"ids":"PN8-10000001","userID":"8"})", "userID 与当前登录用户不符");
  h.setUser(8);
  EXPECT_EQ(object(h.call(path, R"({"ids":"PN8-10000001"})").body)->getValue<int>("error"), 0);
  h.setFactory(2);
  refused(path, R"({"ids":"PN8-10000001"})", "支付未完成或记录不存在");
}

}  // namespace
}  // namespace paynext::plugins::campus::test
