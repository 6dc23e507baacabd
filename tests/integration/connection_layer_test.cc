// The connection layer as an attacker meets it: a crowd of slow and idle
// connections does not keep paynextd from answering others, a connection
// over a bound is refused at once, and badly framed requests are answered
// with their status. Runs serially (many sockets), on SQLite only: what is
// tested here carries bytes, not rows.
#include <chrono>
#include <vector>

#include <gtest/gtest.h>

#include "core/payments/wxpay/wxpay_sign.h"
#include "core/payments/wxpay/wxpay_xml.h"
#include "tests/integration/support/paynext_env.h"
#include "tests/support/raw_http_connection.h"

namespace paynext::testing {
namespace {

namespace wx = core::payments::wxpay;
using namespace std::chrono_literals;

std::chrono::milliseconds since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
}

EnvOptions crowdTolerant() {
  EnvOptions o;
  o.plugins = {"test:testkit"};
  // Bounds above the crowd, and a head deadline longer than the test, so
  // that every attacking connection stays open while others are served.
  o.config = {{"http.maxConnectionsPerAddress", "2000"},
              {"http.headTimeoutSeconds", "120"},
              {"http.keepAliveSeconds", "120"}};
  return o;
}

TEST(ConnectionLayer, SlowAndIdleCrowdsDoNotKeepOthersWaiting) {
  PaynextEnv env(crowdTolerant());
  env.createFactory("f1", {"testkit"});
  const std::string token = env.userToken("f1", "13800000000");

  std::vector<RawHttpConnection> crowd;
  crowd.reserve(1200);
  for (int n = 0; n < 200; ++n) {
    crowd.emplace_back(env.serverPort(), "127.0.0." + std::to_string(2 + n % 8));
    crowd.back().send("POST /f1/pay/wx/wxapp HTTP/1.1\r\nHost: paynext\r\nContent-Le");  // and no more
  }
  for (int n = 0; n < 1000; ++n) crowd.emplace_back(env.serverPort(), "127.0.0." + std::to_string(2 + n % 8));

  auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(200, env.api().get("/healthz").status);
  EXPECT_LT(since(start), 1000ms);

  start = std::chrono::steady_clock::now();
  auto r = env.call("f1", "/pay/wx/wxapp", {{"token", token}, {"money", "1.00"}, {"nextAction", "{type:900, value:\"a\"}"}});
  EXPECT_LT(since(start), 1000ms);
  ASSERT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
  const auto out = r->getObject("data")->getValue<std::string>("outTradeId");

  wx::Fields f{{"appid", kAppId},          {"mch_id", kMchId},          {"nonce_str", "n1"},
               {"result_code", "SUCCESS"}, {"return_code", "SUCCESS"}, {"out_trade_no", out},
               {"total_fee", "100"},       {"transaction_id", "4200"}, {"openid", "o1"}};
  f["sign"] = wx::sign(f, kApiKey, wx::SignType::Md5);
  start = std::chrono::steady_clock::now();
  const auto reply = env.api().send("POST", "/notify/wxpay/f1", wx::toXml(f), "text/xml");
  EXPECT_LT(since(start), 1000ms);
  EXPECT_NE(std::string::npos, reply.body.find("<return_code><![CDATA[SUCCESS]]></return_code>")) << reply.body;

  int open = 0;
  for (auto& c : crowd) open += c.quietAndOpen() ? 1 : 0;
  EXPECT_EQ(1200, open) << "the crowd was held open, not dropped";
}

TEST(ConnectionLayer, AConnectionOverTheAddressBoundIsRefusedAtOnce) {
  EnvOptions o;
  o.plugins = {"test:testkit"};
  o.config = {{"http.maxConnectionsPerAddress", "5"}};
  PaynextEnv env(o);
  std::vector<RawHttpConnection> held;
  for (int n = 0; n < 5; ++n) held.emplace_back(env.serverPort(), "127.0.0.9");
  const auto start = std::chrono::steady_clock::now();
  RawHttpConnection over(env.serverPort(), "127.0.0.9");
  const auto answer = over.readResponse(1s);
  EXPECT_LT(since(start), 1000ms);
  EXPECT_EQ(503, RawHttpConnection::status(answer)) << answer;
  EXPECT_EQ("too many connections\n", RawHttpConnection::body(answer));
  EXPECT_TRUE(over.closedWithin(1s));
  EXPECT_EQ(200, env.api().get("/healthz").status) << "another address is served";
}

TEST(ConnectionLayer, AHeadThatDoesNotArriveInTimeIsClosed) {
  EnvOptions o;
  o.plugins = {"test:testkit"};
  o.config = {{"http.headTimeoutSeconds", "0.5"}};
  PaynextEnv env(o);
  RawHttpConnection slow(env.serverPort());
  slow.send("GET /healthz HTTP/1.1\r\nHo");
  EXPECT_TRUE(slow.closedWithin(5s));
}

// Each framing case gets its own status and the connection is closed after.
TEST(ConnectionLayer, BadFramingIsAnsweredWithItsStatus) {
  EnvOptions o;
  o.plugins = {"test:testkit"};
  PaynextEnv env(o);
  const std::vector<std::pair<std::string, int>> cases = {
      {"GET /healthz HTTP/9.9\r\nHost: p\r\n\r\n", 505},
      {"POST /notify/wxpay/f1 HTTP/1.1\r\nHost: p\r\nContent-Length: x7\r\n\r\n", 400},
      {"POST /notify/wxpay/f1 HTTP/1.1\r\nHost: p\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", 400},
      {"POST /notify/wxpay/f1 HTTP/1.1\r\nHost: p\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"
       "0\r\n\r\nGET /healthz HTTP/1.1\r\nHost: p\r\n\r\n",
       400},
      {"GET /healthz HTTP/1.1\r\nHost: p\r\nNo colon here\r\n\r\n", 400},
      {"GET /healthz HTTP/1.1\r\n\r\n", 400},
      {"POST /notify/wxpay/f1 HTTP/1.1\r\nHost: p\r\nTransfer-Encoding: gzip\r\n\r\n", 501},
  };
  for (const auto& [request, status] : cases) {
    RawHttpConnection c(env.serverPort());
    c.send(request);
    const auto answer = c.readResponse(2s);
    EXPECT_EQ(status, RawHttpConnection::status(answer)) << request << "\n=> " << answer;
    EXPECT_TRUE(c.closedWithin(2s)) << request;
  }
  // Pipelined requests are answered in order on one connection.
  RawHttpConnection c(env.serverPort());
  c.send("GET /healthz HTTP/1.1\r\nHost: p\r\n\r\nGET /nope HTTP/1.1\r\nHost: p\r\n\r\nGET /readyz HTTP/1.1\r\nHost: p\r\n\r\n");
  EXPECT_EQ(200, RawHttpConnection::status(c.readResponse()));
  EXPECT_EQ(404, RawHttpConnection::status(c.readResponse()));
  EXPECT_EQ(200, RawHttpConnection::status(c.readResponse()));
}

}  // namespace
}  // namespace paynext::testing
