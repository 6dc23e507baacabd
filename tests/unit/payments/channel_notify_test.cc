#include "core/payments/channel_notify.h"
#include "core/payments/wxpay_channel_config.h"

#include <functional>
#include <sstream>

#include <gtest/gtest.h>
#include <Poco/Data/Session.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "core/payments/wxpay_v3/v3_aead.h"
#include "core/payments/wxpay_v3/v3_request_signer.h"
#include "core/payments/wxpay_v3/v3_response_verifier.h"
#include "core/payments/wxpay_v3/v3_rsa_signature.h"
#include "tests/unit/payments/payment_services.h"
#include "tests/unit/payments/wxpay_v3/v3_test_keys.h"

namespace paynext::core::payments {
namespace {

namespace keys = wxpay_v3::testing;
using namespace Poco::Data::Keywords;

const std::string kApiV3Key = "0123456789abcdef0123456789ABCDEF";
const std::string kAppId = "wxd678efh567hg6787";
const std::string kMchId = "1230000109";
const std::string kPlatformSerial = "7132D72A03E93CDDF8C03BBD1F37EEDF";
const std::string kOut = "PN20260101000000abcdef0123456789";
constexpr std::int64_t kNow = 1767225600;  // 2026-01-01T00:00:00Z

std::string text(const Poco::JSON::Object& json) {
  std::ostringstream out;
  json.stringify(out);
  return out.str();
}

struct Transaction {
  std::string appId = kAppId;
  std::string mchId = kMchId;
  std::string outTradeNo = kOut;
  std::string tradeState = "SUCCESS";
  std::int64_t total = 100;
};

Transaction with(const std::function<void(Transaction&)>& change) {
  Transaction t;
  change(t);
  return t;
}

std::string transactionJson(const Transaction& t) {
  Poco::JSON::Object json;
  json.set("appid", t.appId);
  json.set("mchid", t.mchId);
  json.set("out_trade_no", t.outTradeNo);
  json.set("transaction_id", "4200000000202601010000000001");
  json.set("trade_type", "JSAPI");
  json.set("trade_state", t.tradeState);
  json.set("success_time", "2026-01-01T08:00:00+08:00");
  Poco::JSON::Object::Ptr amount = new Poco::JSON::Object;
  amount->set("total", t.total);
  amount->set("currency", "CNY");
  json.set("amount", amount);
  return text(json);
}

std::string envelope(const std::string& plaintext, const std::string& apiV3Key = kApiV3Key) {
  Poco::JSON::Object::Ptr resource = new Poco::JSON::Object;
  resource->set("algorithm", "AEAD_AES_256_GCM");
  resource->set("original_type", "transaction");
  resource->set("associated_data", "transaction");
  resource->set("nonce", "fdasflkja484");
  resource->set("ciphertext", wxpay_v3::aeadAes256GcmEncrypt(apiV3Key, "fdasflkja484", "transaction", plaintext));
  Poco::JSON::Object json;
  json.set("id", "EV-2018022511223320873");
  json.set("create_time", "2026-01-01T08:00:00+08:00");
  json.set("resource_type", "encrypt-resource");
  json.set("event_type", "TRANSACTION.SUCCESS");
  json.set("summary", "支付成功");
  json.set("resource", resource);
  return text(json);
}

wxpay_v3::V3SignedMessage signedBy(const Poco::Crypto::RSAKey& key, const std::string& body,
                                   std::int64_t timestamp = kNow, const std::string& serial = kPlatformSerial) {
  const std::string time = std::to_string(timestamp), nonce = "5K8264ILTKCH16CQ2502SI8ZNMTM67VS";
  return {time, nonce, wxpay_v3::signSha256WithRsa(key, wxpay_v3::responseSignMessage(time, nonce, body)), serial,
          body};
}

// The generic notification path, driven by WeChat Pay API v3 (the channel
// with the most to check); the integration tests cover v2 and Alipay.
class ChannelNotifyTest : public ::testing::Test {
 protected:
  ChannelNotifyTest() : notify_(parts_.payments, parts_.refunds, metrics_) {
    factory_ = factories_.create("f1", "工厂");
    configure(true);
    Poco::Data::Session s = cdb_.db().session();
    s << "INSERT INTO users (factory_id, mobile, password_hash, password_salt, created_at) VALUES ($1, '13800000000', "
         "'h', 's', 0)",
        use(factory_.id), now;
    s << "INSERT INTO wallets (user_id, factory_id) VALUES (1, $1)", use(factory_.id), now;
    s << "INSERT INTO payments (factory_id, user_id, out_trade_id, channel, amount, status, created_at) "
         "VALUES ($1, 1, $2, 'wxpay', 100, 'CREATED', 0)",
        use(factory_.id), bind(kOut), now;
  }

  void configure(bool v3) {
    Poco::JSON::Object json;
    json.set("apiVersion", v3 ? "v3" : "v2");
    json.set("appId", kAppId);
    json.set("mchId", kMchId);
    json.set("apiKey", "192006250b4c09247ec02edce69f6a2d");
    json.set("mchSerialNo", "5157F09EFDC096DE15EBE81A47057A72");
    json.set("mchPrivateKey", keys::privatePemPkcs8(keys::merchantKey()));
    json.set("apiV3Key", kApiV3Key);
    Poco::JSON::Array::Ptr platform = new Poco::JSON::Array;
    Poco::JSON::Object::Ptr key = new Poco::JSON::Object;
    key->set("publicKey", keys::certificatePem(keys::platformKey(), kPlatformSerial));
    platform->add(key);
    json.set("platformKeys", platform);
    factories_.setChannelConfig(factory_.id, "wxpay", text(*WxpayChannelConfig::fromJson(json).toJson()));
  }

  NotifyReply handle(const wxpay_v3::V3SignedMessage& message, const std::string& path = "wxpay-v3") {
    InboundMessage inbound;
    inbound.headers.set("Wechatpay-Timestamp", message.timestamp);
    inbound.headers.set("Wechatpay-Nonce", message.nonce);
    if (!message.signature.empty()) inbound.headers.set("Wechatpay-Signature", message.signature);
    inbound.headers.set("Wechatpay-Serial", message.serial);
    inbound.body = message.body;
    inbound.receivedAt = kNow;
    return notify_.handle(path, &factory_, inbound);
  }

  std::int64_t count(const std::string& sql) {
    Poco::Data::Session s = cdb_.db().session();
    std::int64_t n = 0;
    s << sql, into(n), now;
    return n;
  }
  std::string status() {
    Poco::Data::Session s = cdb_.db().session();
    std::string st;
    s << "SELECT status FROM payments WHERE out_trade_id = $1", bind(kOut), into(st), now;
    return st;
  }
  // The refusal left everything as it was.
  void expectNothingChanged() {
    EXPECT_EQ("CREATED", status());
    EXPECT_EQ(0, count("SELECT COUNT(*) FROM payment_notifications"));
    EXPECT_EQ(0, count("SELECT balance FROM wallets"));
    EXPECT_EQ(0, count("SELECT COUNT(*) FROM ledger_entries"));
  }
  void expectRefused(const NotifyReply& reply, int status, const std::string& message) {
    EXPECT_EQ(status, reply.status);
    Poco::JSON::Object json;
    json.set("code", "FAIL");
    json.set("message", message);
    EXPECT_EQ(text(json), reply.body);
    expectNothingChanged();
  }

  testing::PaymentServices parts_;
  paynext::testing::CoreDatabase& cdb_ = parts_.cdb;
  tenancy::FactoryStore& factories_ = parts_.factories;
  metrics::MetricsRegistry metrics_;
  ChannelNotify notify_;
  tenancy::Factory factory_;
};

TEST_F(ChannelNotifyTest, GenuineNotificationSettlesOnceAndAnswersEmpty200) {
  const auto message = signedBy(keys::platformKey(), envelope(transactionJson({})));
  auto reply = handle(message);
  EXPECT_EQ(200, reply.status);
  EXPECT_EQ("", reply.body);
  EXPECT_EQ("PAID", status());
  EXPECT_EQ(100, count("SELECT balance FROM wallets"));
  EXPECT_EQ(1, count("SELECT COUNT(*) FROM payment_notifications WHERE outcome = 'settled'"));

  reply = handle(message);  // WeChat resends until it sees a 2xx
  EXPECT_EQ(200, reply.status);
  EXPECT_EQ("", reply.body);
  EXPECT_EQ(100, count("SELECT balance FROM wallets"));
  EXPECT_EQ(1, count("SELECT COUNT(*) FROM ledger_entries"));
  EXPECT_EQ(1, count("SELECT COUNT(*) FROM payment_notifications WHERE outcome = 'duplicate'"));
  EXPECT_NE(std::string::npos, metrics_.render().find("channel=\"wxpay-v3\",outcome=\"settled\""));
}

TEST_F(ChannelNotifyTest, ForgedSignatureIsRefused) {
  expectRefused(handle(signedBy(keys::merchantKey(), envelope(transactionJson({})))), 401,
                "验签失败:Wechatpay-Signature does not verify");
}

TEST_F(ChannelNotifyTest, TamperedBodyIsRefused) {
  auto message = signedBy(keys::platformKey(), envelope(transactionJson({})));
  message.body = envelope(transactionJson(with([](Transaction& t) { t.total = 1; })));
  expectRefused(handle(message), 401, "验签失败:Wechatpay-Signature does not verify");
}

TEST_F(ChannelNotifyTest, StaleTimestampIsRefused) {
  expectRefused(handle(signedBy(keys::platformKey(), envelope(transactionJson({})), kNow - 301)), 401,
                "验签失败:Wechatpay-Timestamp is 301 seconds off the local clock (more than 300)");
  expectRefused(handle(signedBy(keys::platformKey(), envelope(transactionJson({})), kNow + 600)), 401,
                "验签失败:Wechatpay-Timestamp is 600 seconds off the local clock (more than 300)");
}

TEST_F(ChannelNotifyTest, UnknownSerialIsRefused) {
  expectRefused(handle(signedBy(keys::platformKey(), envelope(transactionJson({})), kNow, "5157F09EFDC096DE")), 401,
                "验签失败:Wechatpay-Serial '5157F09EFDC096DE' is not a configured platform key");
}

TEST_F(ChannelNotifyTest, MissingHeaderIsRefused) {
  auto message = signedBy(keys::platformKey(), envelope(transactionJson({})));
  message.signature.clear();
  expectRefused(handle(message), 401, "验签失败:missing Wechatpay-Signature header");
}

TEST_F(ChannelNotifyTest, ResourceUnderAnotherApiV3KeyIsRefused) {
  expectRefused(
      handle(signedBy(keys::platformKey(), envelope(transactionJson({}), "ffffffffffffffffffffffffffffffff"))), 400,
      "报文解析失败:AEAD_AES_256_GCM decryption failed: wrong APIv3 key or tampered resource");
}

TEST_F(ChannelNotifyTest, WrongAmountIsRefused) {
  expectRefused(
      handle(signedBy(keys::platformKey(), envelope(transactionJson(with([](Transaction& t) { t.total = 99; }))))), 400,
      "金额不符");
}

TEST_F(ChannelNotifyTest, AnotherMerchantOrAppIsRefused) {
  expectRefused(handle(signedBy(keys::platformKey(),
                                envelope(transactionJson(with([](Transaction& t) { t.mchId = "1900000001"; }))))),
                400, "商户号或 appid 不符");
  expectRefused(handle(signedBy(keys::platformKey(),
                                envelope(transactionJson(with([](Transaction& t) { t.appId = "wxother"; }))))),
                400, "商户号或 appid 不符");
}

TEST_F(ChannelNotifyTest, UnknownPaymentIsRefused) {
  expectRefused(handle(signedBy(keys::platformKey(),
                                envelope(transactionJson(with([](Transaction& t) { t.outTradeNo = "PNnope"; }))))),
                404, "订单不存在");
}

TEST_F(ChannelNotifyTest, UnpaidStateIsAcknowledgedAndChangesNothing) {
  const auto reply = handle(
      signedBy(keys::platformKey(), envelope(transactionJson(with([](Transaction& t) { t.tradeState = "CLOSED"; })))));
  EXPECT_EQ(200, reply.status);
  expectNothingChanged();
}

TEST_F(ChannelNotifyTest, FactoryOnApiV2IsRefused) {
  configure(false);
  expectRefused(handle(signedBy(keys::platformKey(), envelope(transactionJson({})))), 500, "未配置微信支付 API v3");
}

TEST_F(ChannelNotifyTest, V2PathOfAFactoryOnApiV3AnswersInV2Words) {
  const auto reply = handle(signedBy(keys::platformKey(), envelope(transactionJson({}))), "wxpay");
  EXPECT_EQ(200, reply.status);
  EXPECT_EQ("text/xml", reply.contentType);
  EXPECT_EQ("<xml><return_code><![CDATA[FAIL]]></return_code><return_msg><![CDATA[未配置微信支付 API v2]]></return_msg></xml>",
            reply.body);
  expectNothingChanged();
  EXPECT_NE(std::string::npos, metrics_.render().find("channel=\"wxpay\",outcome=\"not_configured\""));
}

TEST_F(ChannelNotifyTest, UnconfiguredFactoryAndUnknownFactoryAreRefused) {
  Poco::Data::Session s = cdb_.db().session();
  s << "DELETE FROM factory_channels", now;
  expectRefused(handle(signedBy(keys::platformKey(), envelope(transactionJson({})))), 500, "未配置微信支付");
  InboundMessage inbound;
  inbound.body = "app_id=x";
  const auto reply = notify_.handle("alipay", nullptr, inbound);
  EXPECT_EQ(200, reply.status);
  EXPECT_EQ("fail", reply.body);
  EXPECT_NE(std::string::npos, metrics_.render().find("channel=\"alipay\",outcome=\"unknown_factory\""));
}

}  // namespace
}  // namespace paynext::core::payments
