#pragma once
// What the WxpayV3Client tests share: an in-process stand-in for
// api.mch.weixin.qq.com that signs its answers like the platform, and a
// fixture holding one for the suite with a client of it.
#include <functional>
#include <mutex>
#include <string>

#include <gtest/gtest.h>

#include "core/payments/wxpay_v3/v3_client.h"
#include "core/payments/wxpay_v3/v3_rsa_signature.h"
#include "tests/support/local_http_server.h"
#include "tests/unit/payments/wxpay_v3/v3_test_keys.h"

namespace paynext::core::payments::wxpay_v3 {

using paynext::testing::LocalHttpServer;
using paynext::testing::LocalReply;
using paynext::testing::LocalRequest;
using testing::merchantKey;
using testing::opensslVerifiesSha256WithRsa;
using testing::platformKey;
using testing::publicPem;

const std::string kAppId = "wxd678efh567hg6787";
const std::string kMchId = "1230000109";
const std::string kMerchantSerial = "444F4864EA9B34415D2AFE1C1F8E4C4D3F2E0A11";
const std::string kPlatformSerial = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";

struct Received {
  std::string method;
  std::string uri;
  std::string authorization;
  std::string contentType;
  std::string userAgent;
  std::string body;
};

struct Reply {
  int status = 200;
  std::string body;
  bool sign = true;
  const Poco::Crypto::RSAKey* key = &platformKey();
};

// An in-process stand-in for api.mch.weixin.qq.com: records each request and
// answers with what the test's function returns, signed like the platform.
class FakeV3Gateway {
 public:
  using Responder = std::function<Reply(const Received&)>;

  FakeV3Gateway()
      : server_([this](const LocalRequest& request) {
          Received received{request.method,          request.uri,
                            request.header("Authorization"), request.header("Content-Type"),
                            request.header("User-Agent"), request.body};
          Reply reply;
          {
            std::lock_guard<std::mutex> lock(mutex_);
            reply = responder_(received);
          }
          LocalReply out{reply.status, reply.body};
          if (reply.sign) {
            const std::string timestamp = std::to_string(nowEpochSeconds());
            const std::string nonce = newNonce();
            out.headers = {{"Wechatpay-Timestamp", timestamp},
                           {"Wechatpay-Nonce", nonce},
                           {"Wechatpay-Serial", kPlatformSerial},
                           {"Wechatpay-Signature",
                            signSha256WithRsa(*reply.key, responseSignMessage(timestamp, nonce, reply.body))}};
          }
          return out;
        }) {}

  std::string baseUrl() const { return server_.url(""); }
  void respond(Responder responder) {
    std::lock_guard<std::mutex> lock(mutex_);
    responder_ = std::move(responder);
    server_.clear();
  }
  Received last() const {
    const LocalRequest r = server_.last();
    return Received{r.method, r.uri, r.header("Authorization"), r.header("Content-Type"), r.header("User-Agent"),
                    r.body};
  }

 private:
  std::mutex mutex_;
  Responder responder_;
  LocalHttpServer server_;
};

class WxpayV3ClientFixture : public ::testing::Test {
 protected:
  // One gateway for the suite: stopping a Poco HTTPServer takes a while.
  static void SetUpTestSuite() { gateway_ = new FakeV3Gateway; }
  static void TearDownTestSuite() {
    delete gateway_;
    gateway_ = nullptr;
  }

  WxpayV3Client client(const std::string& baseUrl = gateway_->baseUrl()) const {
    WxpayV3Config c;
    c.appId = kAppId;
    c.gatewayBaseUrl = baseUrl;
    c.timeoutMs = 2000;
    c.maxResponseBytes = 4096;
    return WxpayV3Client(c, V3RequestSigner(kMchId, kMerchantSerial, merchantKey()),
                         V3ResponseVerifier(kPlatformSerial, platformKey()));
  }
  // The request carried a merchant signature over exactly what was sent.
  static void expectSignedByMerchant(const Received& r) {
    const auto field = [&](const std::string& name) {
      const auto start = r.authorization.find(name + "=\"");
      if (start == std::string::npos) return std::string();
      const auto from = start + name.size() + 2;
      return r.authorization.substr(from, r.authorization.find('"', from) - from);
    };
    EXPECT_EQ(0u, r.authorization.find("WECHATPAY2-SHA256-RSA2048 mchid=\"1230000109\","));
    EXPECT_EQ(kMerchantSerial, field("serial_no"));
    const std::string message =
        r.method + "\n" + r.uri + "\n" + field("timestamp") + "\n" + field("nonce_str") + "\n" + r.body + "\n";
    EXPECT_TRUE(opensslVerifiesSha256WithRsa(publicPem(merchantKey()), message, field("signature")));
  }
  static std::string errorOf(const std::function<void()>& call, std::string* code = nullptr) {
    try {
      call();
    } catch (const WxpayV3Error& e) {
      if (code) *code = e.code();
      return e.what();
    }
    return "no error";
  }

  inline static FakeV3Gateway* gateway_ = nullptr;
};

}  // namespace paynext::core::payments::wxpay_v3
