#include "core/net/outbound_http_client.h"

#include <chrono>

#include <Poco/Net/ServerSocket.h>
#include <gtest/gtest.h>

#include "tests/support/local_http_server.h"

namespace paynext::core::net {
namespace {

using paynext::testing::LocalHttpServer;
using paynext::testing::LocalReply;
using paynext::testing::LocalRequest;

sdk::HttpRequest post(const std::string& url, const std::string& body) {
  sdk::HttpRequest r;
  r.url = url;
  r.body = body;
  r.headers["Idempotency-Key"] = "PN1-0";
  return r;
}

// The local servers here listen on 127.0.0.1, which the policy refuses unless allow-listed.
std::shared_ptr<const OutboundPolicy> allowLocal() { return std::make_shared<OutboundPolicy>("127.0.0.1"); }

TEST(OutboundHttpClientTest, SendsTheRequestAndReturnsTheAnswer) {
  LocalHttpServer server([](const LocalRequest&) { return LocalReply{202, R"({"ok":true})"}; });
  OutboundHttpClient client({}, allowLocal());
  const auto reply = client.send(post(server.url("/hook?a=1"), R"({"x":1})"));
  EXPECT_EQ(202, reply.status);
  EXPECT_EQ("Accepted", reply.reason);
  EXPECT_EQ(R"({"ok":true})", reply.body);
  EXPECT_EQ("application/json", reply.headers.at("Content-Type"));
  const auto got = server.requests();
  ASSERT_EQ(1u, got.size());
  EXPECT_EQ("POST", got[0].method);
  EXPECT_EQ("/hook?a=1", got[0].uri);
  EXPECT_EQ("PN1-0", got[0].header("Idempotency-Key"));
  EXPECT_EQ("application/json", got[0].header("Content-Type"));
  EXPECT_EQ(R"({"x":1})", got[0].body);
}

TEST(OutboundHttpClientTest, KeepsAtMostTheReplyLimit) {
  LocalHttpServer server([](const LocalRequest&) {
    return LocalReply{200, std::string(sdk::HttpClient::kMaxReplyBytes + 100, 'a')};
  });
  const auto reply = OutboundHttpClient({}, allowLocal()).send(post(server.url(), ""));
  EXPECT_EQ(sdk::HttpClient::kMaxReplyBytes, reply.body.size());
  // http.client.maxReplyBytes sets another bound.
  OutboundHttpSettings small;
  small.maxReplyBytes = 1000;
  EXPECT_EQ(std::string(1000, 'a'), OutboundHttpClient(small, allowLocal()).send(post(server.url(), "")).body);
}

TEST(OutboundHttpClientTest, ATimeoutIsAnHttpErrorWithinTheLimit) {
  LocalHttpServer server([](const LocalRequest&) { return LocalReply{200, "late", "text/plain", 5000}; });
  OutboundHttpClient client({1000, 200}, allowLocal());
  const auto start = std::chrono::steady_clock::now();
  try {
    client.send(post(server.url(), "{}"));
    FAIL() << "no error";
  } catch (const sdk::HttpError& e) {
    EXPECT_NE(std::string(e.what()).find("Timeout"), std::string::npos) << e.what();
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(3));
}

TEST(OutboundHttpClientTest, ARefusedConnectionOrAnUnusableUrlIsAnHttpError) {
  std::string closed;
  {
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    closed = "http://127.0.0.1:" + std::to_string(socket.address().port()) + "/";
  }
  OutboundHttpClient client({}, allowLocal());
  EXPECT_THROW(client.send(post(closed, "{}")), sdk::HttpError);
  try {
    client.send(post("ftp://files.example/x", "{}"));
    FAIL() << "no error";
  } catch (const sdk::HttpError& e) {
    EXPECT_STREQ("not an http:// or https:// URL: ftp://files.example", e.what());
  }
  EXPECT_THROW(client.send(post("http://[bad", "{}")), sdk::HttpError);
}

}  // namespace
}  // namespace paynext::core::net
