// The outbound policy seen from outside: a factory admin aims an SMS provider
// or a channel's gateway inward; paynextd refuses it when saved, and refuses
// to call one stored anyway (saved before, or a name that resolves inward
// only later) before connecting: the step fails with the reason (not the far
// side's answer), and allow-listed fakes keep working.
#include <string>

#include <gtest/gtest.h>

#include "tests/integration/support/db_probe.h"
#include "tests/integration/support/fake_sms_provider.h"
#include "tests/integration/support/paynext_env.h"

namespace paynext::testing {
namespace {

// Only gatewaysim and `listed` are allow-listed, by port: every other local
// port (paynextd's own, `unlisted`) stays refused.
EnvOptions allowOnly(const FakeSmsProvider& listed, const LocalHttpServer& noisy) {
  EnvOptions options;
  options.outboundAllow =
      "$sim, 127.0.0.1:" + std::to_string(listed.port()) + ", 127.0.0.1:" + std::to_string(noisy.port());
  return options;
}

std::string errorMessage(const HttpResult& r) {
  return r.json()->getObject("error")->getValue<std::string>("message");
}

// 13 bytes with control characters, then 400 more: more than an admin should see.
const std::string kNoisyMessage = "bad\\u0007\\n<script>" + std::string(400, 'x');

class OutboundPolicyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    env_.createFactory("f1", {"sms"});
    token_ = env_.userToken("f1", "13800000000");
  }
  HttpResult postSmsSetting(const std::string& url) {
    return env_.admin("POST", "/factories/f1/modules/sms/settings",
                      "{\"kind\":\"normal\",\"providerUrl\":\"" + url +
                          "\",\"signName\":\"工厂\",\"templateCode\":\"T1\"}");
  }
  // A setting as the admin API stores it when the policy allows the URL, else
  // written straight into the table (as one saved before the URL turned inward).
  std::int64_t addSmsSetting(const std::string& url) {
    auto r = postSmsSetting(url);
    if (r.status == 201) return r.json()->getValue<std::int64_t>("id");
    db_.exec("INSERT INTO sms_settings (factory_id, kind, provider_url, sign_name, template_code, created_at) "
             "SELECT id, 'normal', '" + url + "', '工厂', 'T1', 0 FROM factories WHERE name = 'f1'");
    return db_.count("SELECT MAX(id) FROM sms_settings");
  }
  // Pays 0.01 through WeChat with one SMS step; returns the step's status and last error once it finished.
  std::pair<std::string, std::string> sendSmsVia(const std::string& url) {
    const auto sms = addSmsSetting(url);
    auto r = env_.call("f1", "/pay/wx/wxapp",
                       {{"token", token_},
                        {"money", "0.01"},
                        {"nextAction", "{type:2, smsId:" + std::to_string(sms) +
                                           ", mobile:'13500000000', postJsonString:'{\"code\":\"1\"}'}"}});
    EXPECT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
    const auto out = r->getObject("data")->getValue<std::string>("outTradeId");
    env_.simPay(out);
    const std::string step = "FROM chain_steps s JOIN payments p ON p.id = s.payment_id WHERE p.out_trade_id = '" +
                             out + "'";
    EXPECT_TRUE(eventually(
        [&] { return db_.count("SELECT COUNT(*) " + step + " AND s.status IN ('DONE', 'FAILED')") == 1; }));
    return {db_.text("SELECT s.status " + step), db_.text("SELECT s.last_error " + step)};
  }

  FakeSmsProvider listed_;
  FakeSmsProvider unlisted_;
  LocalHttpServer noisy_{[](const LocalRequest&) { return LocalReply{400, "{\"message\":\"" + kNoisyMessage + "\"}"}; }};
  PaynextEnv env_{allowOnly(listed_, noisy_)};
  DbProbe db_{env_.storage()};
  std::string token_;
};

TEST_F(OutboundPolicyTest, AnInwardSmsProviderFailsTheStepWithTheReason) {
  const std::string loopback = "无法连接短信服务商:出站地址 127.0.0.1 不允许:环回地址";
  EXPECT_EQ(std::make_pair(std::string("FAILED"), loopback),
            sendSmsVia("http://127.0.0.1:" + std::to_string(env_.serverPort()) + "/admin/api/factories"));
  EXPECT_EQ(std::make_pair(std::string("FAILED"),
                           std::string("无法连接短信服务商:出站地址 169.254.169.254 不允许:链路本地地址")),
            sendSmsVia("http://169.254.169.254/latest/meta-data/"));
  // Only the admin's own requests reached paynextd: one POST /admin/api/factories (creating f1).
  const std::string log = env_.log();
  EXPECT_NE(std::string::npos, log.find("POST /admin/api/factories 201"));
  EXPECT_EQ(log.find("POST /admin/api/factories "), log.rfind("POST /admin/api/factories "));
  // A local service on a port not listed: refused before any connection is made.
  EXPECT_EQ(std::make_pair(std::string("FAILED"), loopback), sendSmsVia(unlisted_.url()));
  EXPECT_TRUE(unlisted_.received().empty());
  // Refused once, not retried: a policy refusal is not transient.
  EXPECT_EQ(3, db_.count("SELECT COUNT(*) FROM chain_steps WHERE attempts = 1 AND status = 'FAILED'"));
}

TEST_F(OutboundPolicyTest, AnInwardSmsProviderIsRefusedWhenSaved) {
  const auto own = postSmsSetting("http://127.0.0.1:" + std::to_string(env_.serverPort()) + "/admin/api/factories");
  EXPECT_EQ(400, own.status);
  EXPECT_EQ("参数 providerUrl 不可用:出站地址 127.0.0.1 不允许:环回地址", errorMessage(own));
  const auto metadata = postSmsSetting("http://169.254.169.254/latest/meta-data/");
  EXPECT_EQ(400, metadata.status);
  EXPECT_EQ("参数 providerUrl 不可用:出站地址 169.254.169.254 不允许:链路本地地址", errorMessage(metadata));
  const auto plain = postSmsSetting("http://203.0.113.7/send");
  EXPECT_EQ(400, plain.status);
  EXPECT_EQ("参数 providerUrl 不可用:出站地址 203.0.113.7 不允许:明文 http 只能发往 outbound.allow 列出的地址",
            errorMessage(plain));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM sms_settings"));
  // What the policy allows is kept.
  EXPECT_EQ(201, postSmsSetting(listed_.url()).status);
  EXPECT_EQ(201, postSmsSetting("https://203.0.113.7/send").status);
  EXPECT_EQ(2, db_.count("SELECT COUNT(*) FROM sms_settings"));
}

TEST_F(OutboundPolicyTest, AnAllowListedProviderStillWorks) {
  EXPECT_EQ(std::make_pair(std::string("DONE"), std::string()), sendSmsVia(listed_.url()));
  EXPECT_EQ(1u, listed_.received().size());
}

TEST_F(OutboundPolicyTest, TheSimulatorsCallbackStandInIsReachable) {
  // tools/run points the demo's JD pay-result URL here (its gatewaysim is allow-listed).
  EXPECT_EQ(std::make_pair(std::string("DONE"), std::string()),
            sendSmsVia("http://127.0.0.1:" + std::to_string(env_.sim().port()) + "/sim/accept"));
  EXPECT_EQ(405, env_.sim().send("GET", "/sim/accept", "", "application/json").status);
}

TEST_F(OutboundPolicyTest, TheProvidersAnswerIsShownAsAShortSanitisedExcerpt) {
  const auto [status, error] = sendSmsVia(noisy_.url("/send"));
  EXPECT_EQ("FAILED", status);
  EXPECT_EQ("短信服务商拒绝发送(HTTP 400):bad?" "?<script>" + std::string(187, 'x') + "…", error);
}

TEST_F(OutboundPolicyTest, AnInwardGatewayUrlIsRefusedWhenSavedAndWhenCalled) {
  const std::string before = env_.admin("GET", "/factories/f1/channels").body;
  const std::string own = "http://127.0.0.1:" + std::to_string(env_.serverPort()) + "/admin/api";
  auto r = env_.admin("PUT", "/factories/f1/channels/wxpay",
                      std::string("{\"appId\":\"") + kAppId + "\",\"mchId\":\"" + kMchId + "\",\"apiKey\":\"" +
                          kApiKey + "\",\"signType\":\"MD5\",\"gatewayUrl\":\"" + own + "\"}");
  EXPECT_EQ(400, r.status);
  EXPECT_EQ("参数 gatewayUrl 不可用:出站地址 127.0.0.1 不允许:环回地址", errorMessage(r));
  EXPECT_EQ(before, env_.admin("GET", "/factories/f1/channels").body);

  // Stored anyway (saved before, or its name resolved elsewhere then): the call is refused.
  const std::string stored = db_.text("SELECT config FROM factory_channels WHERE channel = 'wxpay'");
  const auto at = stored.find("\"gatewayUrl\":\"");
  ASSERT_NE(std::string::npos, at) << stored;
  const auto end = stored.find('"', at + 14);
  db_.exec("UPDATE factory_channels SET config = '" + stored.substr(0, at + 14) + own + stored.substr(end) +
           "' WHERE channel = 'wxpay'");
  // Written behind paynextd's back, as another instance would: in effect within tenancy.cacheMs.
  auto paid = env_.call("f1", "/pay/wx/wxapp", {{"token", token_}, {"money", "0.01"}});
  EXPECT_TRUE(eventually(
      [&] {
        paid = env_.call("f1", "/pay/wx/wxapp", {{"token", token_}, {"money", "0.01"}});
        return paid->getValue<int>("code") != 0;
      },
      std::chrono::seconds(1)));
  EXPECT_EQ("微信支付下单失败:unifiedorder: 出站地址 127.0.0.1 不允许:环回地址", paid->getValue<std::string>("msg"));
  EXPECT_EQ(std::string::npos, env_.log().find("/admin/api/pay/unifiedorder")) << "the call reached paynextd";
}

}  // namespace
}  // namespace paynext::testing
