#pragma once
// What the AlipayClient tests share: an in-process stand-in for the Alipay
// gateway, answers signed as Alipay signs them, and a fixture holding one
// gateway for the suite.
#include <functional>
#include <mutex>
#include <string>

#include <gtest/gtest.h>

#include "core/payments/alipay/alipay_client.h"
#include "core/payments/alipay/alipay_form.h"
#include "core/payments/alipay/alipay_response.h"
#include "tests/support/local_http_server.h"
#include "tests/support/rsa_test_keys.h"
#include "tests/support/error_of.h"

namespace paynext::core::payments::alipay {

// Records each request and answers with whatever the test's reply function returns.
class FakeGateway {
 public:
  using Reply = std::function<std::string(const Params& request)>;

  FakeGateway()
      : server_([this](const paynext::testing::LocalRequest& request) {
          std::lock_guard<std::mutex> lock(mutex_);
          // What Alipay sends as its content type.
          return paynext::testing::LocalReply{status_, reply_(parseForm(request.body)), "text/html;charset=utf-8"};
        }) {}

  std::string url() const { return server_.url("/gateway.do"); }
  void reply(Reply reply, int status = 200) {
    std::lock_guard<std::mutex> lock(mutex_);
    reply_ = std::move(reply);
    status_ = status;
  }
  void forget() { server_.clear(); }
  std::string lastUri() const { return server_.last().uri; }
  std::string lastContentType() const { return server_.last().header("Content-Type"); }
  Params lastRequest() const { return parseForm(server_.last().body); }

 private:
  std::mutex mutex_;
  Reply reply_;
  int status_ = 200;
  paynext::testing::LocalHttpServer server_;
};

// The body Alipay answers a method with: the node, then its sign by `key`.
inline std::string signedAnswer(const std::string& method, const std::string& node,
                                const Poco::Crypto::RSAKey& key = paynext::testing::alipayKeys().key) {
  return "{\"" + responseNodeName(method) + "\":" + node + R"(,"sign":")" + rsa2Sign(node, key) + "\"}";
}

class AlipayClientFixture : public ::testing::Test {
 protected:
  // One gateway for the suite: stopping a Poco HTTPServer takes a while.
  static void SetUpTestSuite() { gateway_ = new FakeGateway; }
  static void TearDownTestSuite() {
    delete gateway_;
    gateway_ = nullptr;
  }
  void SetUp() override { gateway_->forget(); }

  AlipayConfig config() const {
    AlipayConfig c;
    c.appId = "2021000000000001";
    c.privateKey = paynext::testing::merchantKeys().pkcs1Pem;
    c.alipayPublicKey = paynext::testing::alipayKeys().publicBody;
    c.gatewayUrl = gateway_->url();
    c.timeoutMs = 2000;
    return c;
  }
  static std::string errorOf(const std::function<void()>& call) {
    return paynext::testing::errorOf<AlipayError>(call);
  }
  // The error a call throws, for its code()/subCode(); fails the test if none.
  AlipayError failureOf(const std::function<void()>& call) {
    try {
      call();
    } catch (const AlipayError& e) {
      return e;
    }
    ADD_FAILURE() << "no AlipayError";
    return AlipayError("no error");
  }
  // The request the gateway last received, its signature checked with the app's key.
  Params lastSignedRequest() const {
    const Params sent = gateway_->lastRequest();
    EXPECT_TRUE(rsa2Verify(signContent(sent), sent.at("sign"), paynext::testing::merchantKeys().key));
    return sent;
  }

  inline static FakeGateway* gateway_ = nullptr;
};

}  // namespace paynext::core::payments::alipay
