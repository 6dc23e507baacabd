// WeChat Pay API v3 end to end against gatewaysim: signed prepay calls, RSA
// pay params, encrypted signed notifications (genuine, forged, replayed,
// wrong amount) and the poller's v3 order query.
#include <sstream>

#include <gtest/gtest.h>
#include <Poco/Data/Session.h>
#include <Poco/JSON/Object.h>

#include "core/payments/wxpay_v3/v3_aead.h"
#include "core/payments/wxpay_v3/v3_pay_params.h"
#include "core/payments/wxpay_v3/v3_request_signer.h"
#include "core/payments/wxpay_v3/v3_response_verifier.h"
#include "core/payments/wxpay_v3/v3_rsa_signature.h"
#include "tests/integration/support/db_probe.h"
#include "tests/integration/support/paynext_env.h"
#include "tests/unit/payments/wxpay_v3/v3_test_keys.h"

namespace paynext::testing {
namespace {

namespace v3 = core::payments::wxpay_v3;
namespace v3keys = core::payments::wxpay_v3::testing;

const std::string kOpenid = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o";

std::string failBody(const std::string& message) {
  Poco::JSON::Object json;
  json.set("code", "FAIL");
  json.set("message", message);
  std::ostringstream out;
  json.stringify(out);
  return out.str();
}

class WxpayV3Test : public ::testing::Test {
 protected:
  explicit WxpayV3Test(EnvOptions options = {}) : env_(std::move(options)), db_(env_.storage()) {}
  void SetUp() override {
    env_.createFactory("f1", {"testkit"});
    env_.useWxpayV3("f1");
    token_ = env_.userToken("f1", "13800000000");
  }
  Poco::JSON::Object::Ptr pay(const std::string& path, const std::string& money, const std::string& nextAction,
                              const std::string& openid = kOpenid) {
    std::map<std::string, std::string> fields{{"token", token_}, {"money", money}, {"nextAction", nextAction}};
    if (!openid.empty()) fields["openid"] = openid;
    return env_.call("f1", path, fields);
  }
  std::string payOk(const std::string& money, const std::string& nextAction) {
    auto r = pay("/pay/wx/wxapp", money, nextAction);
    if (r->getValue<int>("code") != 0) throw std::runtime_error(r->getValue<std::string>("msg"));
    return r->getObject("data")->getValue<std::string>("outTradeId");
  }
  std::string status(const std::string& out) {
    return db_.text("SELECT status FROM payments WHERE out_trade_id = '" + out + "'");
  }
  bool chainDone(const std::string& out) {
    return status(out) == "PAID" &&
           db_.count(
               "SELECT COUNT(*) FROM chain_steps s JOIN payments p ON p.id = s.payment_id WHERE "
               "p.out_trade_id = '" +
               out + "' AND s.status = 'DONE'") == 1;
  }
  Poco::JSON::Object::Ptr simOrder(const std::string& out) { return env_.sim().get("/sim/orders/" + out).json(); }
  std::string lastNotifyResult(const std::string& out) {
    return simOrder(out)->getValue<std::string>("last_notify_result");
  }
  // Nothing of a payment moved: still CREATED, no notification stored, no money.
  void expectUntouched(const std::string& out) {
    EXPECT_EQ("CREATED", status(out));
    EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM payment_notifications"));
    EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM ledger_entries"));
    EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM chain_steps"));
  }
  // A notification as WeChat would send it, built here with the test keys.
  std::string envelope(const std::string& out, std::int64_t total) {
    Poco::JSON::Object transaction;
    transaction.set("appid", kAppId);
    transaction.set("mchid", kV3MchId);
    transaction.set("out_trade_no", out);
    transaction.set("transaction_id", "4200000000202601010000000042");
    transaction.set("trade_type", "JSAPI");
    transaction.set("trade_state", "SUCCESS");
    Poco::JSON::Object::Ptr amount = new Poco::JSON::Object;
    amount->set("total", total);
    amount->set("currency", "CNY");
    transaction.set("amount", amount);
    std::ostringstream plaintext;
    transaction.stringify(plaintext);
    Poco::JSON::Object::Ptr resource = new Poco::JSON::Object;
    resource->set("algorithm", "AEAD_AES_256_GCM");
    resource->set("associated_data", "transaction");
    resource->set("nonce", "0123456789ab");
    resource->set("ciphertext", v3::aeadAes256GcmEncrypt(kApiV3Key, "0123456789ab", "transaction", plaintext.str()));
    Poco::JSON::Object json;
    json.set("id", "EV-1");
    json.set("event_type", "TRANSACTION.SUCCESS");
    json.set("resource_type", "encrypt-resource");
    json.set("resource", resource);
    std::ostringstream body;
    json.stringify(body);
    return body.str();
  }
  HttpResult postNotification(const std::string& body, const Poco::Crypto::RSAKey& key, std::int64_t timestamp) {
    const std::string time = std::to_string(timestamp), nonce = v3::newNonce();
    return env_.api().send(
        "POST", "/notify/wxpay-v3/f1", body, "application/json",
        {{"Wechatpay-Timestamp", time},
         {"Wechatpay-Nonce", nonce},
         {"Wechatpay-Signature", v3::signSha256WithRsa(key, v3::responseSignMessage(time, nonce, body))},
         {"Wechatpay-Serial", kV3PlatformSerial}});
  }

  PaynextEnv env_;
  DbProbe db_;
  std::string token_;
};

TEST_F(WxpayV3Test, JsapiPaymentEndToEnd) {
  auto r = pay("/pay/wx/wxapp", "0.30", "{type:900}");
  ASSERT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
  const auto d = r->getObject("data");
  EXPECT_EQ(kAppId, d->getValue<std::string>("appId"));
  EXPECT_EQ("RSA", d->getValue<std::string>("signType"));
  const std::string package = d->getValue<std::string>("package");
  ASSERT_EQ(0u, package.find("prepay_id=wx"));
  EXPECT_TRUE(v3keys::opensslVerifiesSha256WithRsa(
      v3keys::publicPem(v3keys::merchantKey()),
      v3::jsapiPaySignMessage(kAppId, std::stoll(d->getValue<std::string>("timeStamp")),
                              d->getValue<std::string>("nonceStr"), package),
      d->getValue<std::string>("paySign")));
  const auto out = d->getValue<std::string>("outTradeId");
  EXPECT_EQ("CREATED", status(out));

  const auto order = simOrder(out);
  EXPECT_EQ("v3", order->getValue<std::string>("api"));
  EXPECT_EQ("JSAPI", order->getValue<std::string>("trade_type"));
  EXPECT_EQ(30, order->getValue<int>("total_fee"));
  EXPECT_EQ(package, "prepay_id=" + order->getValue<std::string>("prepay_id"));
  EXPECT_EQ("http://127.0.0.1:" + std::to_string(env_.serverPort()) + "/notify/wxpay-v3/f1",
            order->getValue<std::string>("notify_url"));

  env_.simPay(out);
  ASSERT_TRUE(eventually([&] { return chainDone(out); }));
  EXPECT_EQ(30, db_.count("SELECT balance FROM wallets"));  // credited; type 900 takes nothing
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM payment_notifications WHERE outcome = 'settled' AND channel = 'wxpay'"));
  ASSERT_TRUE(eventually([&] { return simOrder(out)->getValue<bool>("acknowledged"); }));
  EXPECT_EQ("SUCCESS", lastNotifyResult(out));
  EXPECT_EQ(1, simOrder(out)->getValue<int>("notify_attempts"));
  EXPECT_EQ(0, env_.call("f1", "/pay/query", {{"token", token_}, {"outTradeId", out}})->getValue<int>("code"));
}

TEST_F(WxpayV3Test, AppPaymentAnswersV3PayReqParams) {
  auto r = pay("/pay/wx/app", "0.02", "", "");
  ASSERT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
  const auto d = r->getObject("data");
  EXPECT_EQ(kAppId, d->getValue<std::string>("appid"));
  EXPECT_EQ(kV3MchId, d->getValue<std::string>("partnerid"));
  EXPECT_EQ("Sign=WXPay", d->getValue<std::string>("package"));
  EXPECT_TRUE(v3keys::opensslVerifiesSha256WithRsa(
      v3keys::publicPem(v3keys::merchantKey()),
      v3::appPaySignMessage(kAppId, std::stoll(d->getValue<std::string>("timestamp")),
                            d->getValue<std::string>("noncestr"), d->getValue<std::string>("prepayid")),
      d->getValue<std::string>("sign")));
  const auto out = d->getValue<std::string>("outTradeId");
  EXPECT_EQ("APP", simOrder(out)->getValue<std::string>("trade_type"));
  env_.simPay(out);
  ASSERT_TRUE(eventually([&] { return status(out) == "PAID"; }));
  EXPECT_EQ(2, db_.count("SELECT balance FROM wallets"));
}

TEST_F(WxpayV3Test, JsapiWithoutOpenidIsRefusedAndStoresNothing) {
  auto r = pay("/pay/wx/wxapp", "0.30", "", "");
  EXPECT_EQ(300, r->getValue<int>("code"));
  EXPECT_EQ("缺少参数 openid(微信支付 v3 JSAPI 下单需要用户的 openid)", r->getValue<std::string>("msg"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM payments"));
}

TEST_F(WxpayV3Test, ForgedNotificationIsRefusedAndChangesNothing) {
  const auto out = payOk("0.30", "{type:900}");
  env_.simPay(out, ",\"bad_sign\":true");
  const std::string refused = "HTTP 401 " + failBody("验签失败:Wechatpay-Signature does not verify");
  ASSERT_TRUE(eventually([&] { return lastNotifyResult(out) == refused; })) << lastNotifyResult(out);
  EXPECT_FALSE(simOrder(out)->getValue<bool>("acknowledged"));
  // Signed with a key that is not WeChat's: the same refusal.
  const auto forged = postNotification(envelope(out, 30), v3keys::merchantKey(), v3::nowEpochSeconds());
  EXPECT_EQ(401, forged.status);
  EXPECT_EQ(failBody("验签失败:Wechatpay-Signature does not verify"), forged.body);
  expectUntouched(out);
}

TEST_F(WxpayV3Test, WrongAmountIsRefusedAndChangesNothing) {
  const auto out = payOk("0.30", "{type:900}");
  env_.simPay(out, ",\"total_fee_override\":1");
  const std::string refused = "HTTP 400 " + failBody("金额不符");
  ASSERT_TRUE(eventually([&] { return lastNotifyResult(out) == refused; })) << lastNotifyResult(out);
  expectUntouched(out);
}

TEST_F(WxpayV3Test, ReplayedStaleNotificationIsRefused) {
  const auto out = payOk("0.30", "{type:900}");
  // The simulator signs its notification ten minutes in the past.
  env_.simPay(out, ",\"timestamp_offset\":-600");
  const std::string prefix = "HTTP 401 {\"code\":\"FAIL\",\"message\":\"验签失败:Wechatpay-Timestamp is 6";
  const std::string suffix = " seconds off the local clock (more than 300)\"}";
  ASSERT_TRUE(eventually([&] {
    const auto result = lastNotifyResult(out);
    return result.rfind(prefix, 0) == 0 && result.size() > suffix.size() &&
           result.compare(result.size() - suffix.size(), suffix.size(), suffix) == 0;
  }, std::chrono::seconds(60))) << lastNotifyResult(out);  // the sim keeps only its last attempt's result: on a
                                                            // loaded machine one may time out, the next comes later
  expectUntouched(out);

  // A genuine notification is taken; the same one replayed later is not.
  const std::string body = envelope(out, 30);
  const auto fresh = postNotification(body, v3keys::platformKey(), v3::nowEpochSeconds());
  EXPECT_EQ(200, fresh.status);
  EXPECT_EQ("", fresh.body);
  ASSERT_TRUE(eventually([&] { return chainDone(out); }));
  const auto replayed = postNotification(body, v3keys::platformKey(), v3::nowEpochSeconds() - 3600);
  EXPECT_EQ(401, replayed.status);
  EXPECT_EQ(failBody("验签失败:Wechatpay-Timestamp is 3600 seconds off the local clock (more than 300)"),
            replayed.body);
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM payment_notifications"));
  EXPECT_EQ(30, db_.count("SELECT balance FROM wallets"));
}

TEST_F(WxpayV3Test, ChannelKeysAreCheckedWhenSetAndNeverShown) {
  const std::string before = env_.admin("GET", "/factories/f1/channels").body;
  const auto r = env_.admin(
      "PUT", "/factories/f1/channels/wxpay",
      std::string("{\"apiVersion\":\"v3\",\"appId\":\"") + kAppId + "\",\"mchId\":\"" + kV3MchId +
          "\",\"mchSerialNo\":\"" + kV3MchSerial +
          "\",\"mchPrivateKey\":\"-----BEGIN PRIVATE KEY-----\\nAAAA\\n-----END PRIVATE KEY-----\",\"apiV3Key\":"
          "\"" +
          kApiV3Key + "\",\"platformKeys\":[]}");
  EXPECT_EQ(400, r.status);
  EXPECT_EQ(
      "{\"error\":{\"message\":\"mchPrivateKey 无效:merchant private key is not a valid RSA private "
      "key\",\"status\":400}}",
      r.body);
  const std::string after = env_.admin("GET", "/factories/f1/channels").body;
  EXPECT_EQ(before, after);  // nothing stored
  EXPECT_NE(std::string::npos, after.find("\"apiVersion\":\"v3\""));
  EXPECT_NE(std::string::npos, after.find("\"apiV3KeySet\":true"));
  EXPECT_NE(std::string::npos, after.find("\"mchPrivateKeySet\":true"));
  for (const auto& text : {after, env_.admin("GET", "/audit?factory=f1").body, env_.log()}) {
    EXPECT_EQ(std::string::npos, text.find(kApiV3Key));
    EXPECT_EQ(std::string::npos, text.find("PRIVATE KEY"));
  }
}

TEST_F(WxpayV3Test, UnknownFactoryIsRefusedInTheV3Shape) {
  const auto r = env_.api().send("POST", "/notify/wxpay-v3/nope", "{}", "application/json");
  EXPECT_EQ(404, r.status);
  EXPECT_EQ(failBody("工厂不存在"), r.body);
}

class WxpayV3PollerTest : public WxpayV3Test {
 protected:
  WxpayV3PollerTest() : WxpayV3Test(pollerOptions()) {}
  static EnvOptions pollerOptions() {
    EnvOptions options;
    options.plugins = {"test:testkit"};
    options.config = {{"poller.intervalMs", "50"}, {"poller.delayMs", "0"}, {"payments.expiryMs", "1500"}};
    return options;
  }
};

TEST_F(WxpayV3PollerTest, LostNotificationIsFoundByTheV3Query) {
  const auto out = payOk("0.40", "{type:900, amount:40}");
  env_.simPay(out, ",\"suppress_notify\":true");
  ASSERT_TRUE(eventually([&] { return chainDone(out); }));
  EXPECT_EQ(0, simOrder(out)->getValue<int>("notify_attempts"));
  EXPECT_EQ("v3 query", db_.text("SELECT detail FROM payment_notifications"));
  EXPECT_EQ(0, db_.count("SELECT balance FROM wallets"));  // credited 40, then the step took 40
  EXPECT_NE(std::string::npos, env_.log().find("settled by the poller"));
}

TEST_F(WxpayV3PollerTest, UnpaidPaymentIsClosedPastExpiry) {
  const auto out = payOk("0.40", "{type:900}");
  ASSERT_TRUE(eventually([&] { return status(out) == "CLOSED"; }));
  EXPECT_EQ("CLOSED", simOrder(out)->getValue<std::string>("state"));  // closed at WeChat first
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM payment_notifications"));
}

}  // namespace
}  // namespace paynext::testing
