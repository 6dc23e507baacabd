#include "core/transport/http_transport.h"

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <Poco/Event.h>
#include <Poco/StreamCopier.h>

#include "tests/support/raw_http_connection.h"

namespace paynext::core::transport {
namespace {

using paynext::testing::RawHttpConnection;
using namespace std::chrono_literals;

// A transport on a free port whose handler echoes what it was given.
class HttpTransportTest : public ::testing::Test {
 protected:
  void start(TransportOptions options = {}) {
    options.port = 0;
    transport_ = std::make_unique<HttpTransport>(options);
    transport_->start([this](Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
      ++served_;
      if (request.getURI() == "/throw") throw std::runtime_error("boom");
      if (request.getURI() == "/hold") {
        entered_.set();
        release_.wait();
      }
      std::string body;
      Poco::StreamCopier::copyToString(request.stream(), body);
      response.setContentType("text/plain");
      response.send() << request.getMethod() << " " << request.getURI() << " client=" << request.clientAddress().host()
                      << " length=" << (request.hasContentLength() ? request.getContentLength64() : -1)
                      << " body=" << body;
    });
  }
  void TearDown() override {
    if (transport_) transport_->stop();
  }
  RawHttpConnection connect(const std::string& from = "127.0.0.1") { return RawHttpConnection(transport_->port(), from); }
  static std::string get(const std::string& path) { return "GET " + path + " HTTP/1.1\r\nHost: t\r\n\r\n"; }

  std::unique_ptr<HttpTransport> transport_;
  std::atomic<int> served_{0};
  Poco::Event entered_, release_;
};

TEST_F(HttpTransportTest, AConnectionIsKeptAliveAcrossRequests) {
  start();
  auto c = connect();
  c.send(get("/a"));
  auto first = c.readResponse();
  EXPECT_EQ(200, RawHttpConnection::status(first));
  EXPECT_NE(std::string::npos, first.find("Connection: keep-alive")) << first;
  EXPECT_EQ("GET /a client=127.0.0.1 length=-1 body=", RawHttpConnection::body(first));
  c.send(get("/b"));
  EXPECT_EQ("GET /b client=127.0.0.1 length=-1 body=", RawHttpConnection::body(c.readResponse()));
}

TEST_F(HttpTransportTest, PipelinedRequestsAreAnsweredInOrder) {
  start();
  auto c = connect();
  c.send(get("/1") + "POST /2 HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\n\r\nhi" + get("/3"));
  EXPECT_EQ("GET /1 client=127.0.0.1 length=-1 body=", RawHttpConnection::body(c.readResponse()));
  EXPECT_EQ("POST /2 client=127.0.0.1 length=2 body=hi", RawHttpConnection::body(c.readResponse()));
  EXPECT_EQ("GET /3 client=127.0.0.1 length=-1 body=", RawHttpConnection::body(c.readResponse()));
}

TEST_F(HttpTransportTest, AnUnsupportedVersionIsAnswered505AndTheConnectionClosed) {
  start();
  auto c = connect();
  c.send("GET /healthz HTTP/9.9\r\nHost: t\r\n\r\n");
  const auto answer = c.readResponse();
  EXPECT_EQ(0u, answer.find("HTTP/1.1 505 ")) << answer;
  EXPECT_TRUE(c.closedWithin(2s));
  EXPECT_EQ(0, served_);
}

TEST_F(HttpTransportTest, ContentLengthWithChunkedIsRefusedAndWhatFollowsIsNeverServed) {
  start();
  auto c = connect();
  c.send("POST /a HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" +
         get("/smuggled"));
  EXPECT_EQ(400, RawHttpConnection::status(c.readResponse()));
  EXPECT_TRUE(c.closedWithin(2s));
  EXPECT_EQ(0, served_);
}

TEST_F(HttpTransportTest, UnparsableAndConflictingLengthsAreAnswered400NotDropped) {
  start();
  for (const std::string head : {"POST /a HTTP/1.1\r\nHost: t\r\nContent-Length: 1x\r\n\r\n",
                                 "POST /a HTTP/1.1\r\nHost: t\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n"}) {
    auto c = connect();
    c.send(head);
    const auto answer = c.readResponse();
    EXPECT_EQ(400, RawHttpConnection::status(answer)) << head;
    EXPECT_NE(std::string::npos, answer.find("Connection: close")) << answer;
  }
  EXPECT_EQ(0, served_);
}

TEST_F(HttpTransportTest, AChunkedBodyReachesTheHandlerDecodedWithItsLength) {
  start();
  auto c = connect();
  c.send("POST /c HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n");
  EXPECT_EQ("POST /c client=127.0.0.1 length=5 body=abcde", RawHttpConnection::body(c.readResponse()));
}

TEST_F(HttpTransportTest, ExpectContinueIsAnsweredBeforeTheBodyIsRead) {
  start();
  auto c = connect();
  c.send("POST /e HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n");
  EXPECT_EQ(100, RawHttpConnection::status(c.readResponse()));
  c.send("xyz");
  EXPECT_EQ("POST /e client=127.0.0.1 length=3 body=xyz", RawHttpConnection::body(c.readResponse()));
}

TEST_F(HttpTransportTest, ABodyOverTheBoundIsNotReadTheHandlerAnswersAndTheConnectionCloses) {
  TransportOptions o;
  o.maxBodyBytes = 10;
  start(o);
  auto c = connect();
  c.send("POST /big HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\n0123456789");
  const auto answer = c.readResponse();
  EXPECT_EQ("POST /big client=127.0.0.1 length=100 body=", RawHttpConnection::body(answer));
  EXPECT_NE(std::string::npos, answer.find("Connection: close")) << answer;
  EXPECT_TRUE(c.closedWithin(5s));
}

TEST_F(HttpTransportTest, AHandlerThatThrowsIsAnswered500) {
  start();
  auto c = connect();
  c.send(get("/throw"));
  EXPECT_EQ(500, RawHttpConnection::status(c.readResponse()));
}

TEST_F(HttpTransportTest, AHeadSentTooSlowlyIsClosedWhileOthersAreServed) {
  TransportOptions o;
  o.headTimeout = 300ms;
  start(o);
  auto slow = connect();
  slow.send("GET /slow HTTP/1.1\r\n");
  auto other = connect();
  other.send(get("/fast"));
  EXPECT_EQ(200, RawHttpConnection::status(other.readResponse(1s)));
  EXPECT_TRUE(slow.closedWithin(3s));
  EXPECT_EQ(1, served_);
}

TEST_F(HttpTransportTest, AConnectionIdleLongerThanTheKeepAliveTimeIsClosed) {
  TransportOptions o;
  o.idleTimeout = 300ms;
  start(o);
  auto idle = connect();
  EXPECT_TRUE(idle.closedWithin(3s));
}

TEST_F(HttpTransportTest, IdleAndSlowConnectionsHoldNoWorker) {
  TransportOptions o;
  o.workerThreads = 1;
  start(o);
  std::vector<RawHttpConnection> crowd;
  for (int n = 0; n < 200; ++n) crowd.emplace_back(transport_->port(), "127.0.0." + std::to_string(2 + n % 8));
  for (int n = 0; n < 50; ++n) crowd[static_cast<std::size_t>(n)].send("GET /slow HTTP/1.1\r\nHost:");
  auto c = connect();
  c.send(get("/healthz"));
  EXPECT_EQ(200, RawHttpConnection::status(c.readResponse(1s)));
}

TEST_F(HttpTransportTest, AConnectionOverTheAddressBoundIsRefusedAtOnceAndOthersAreNot) {
  TransportOptions o;
  o.maxConnectionsPerAddress = 3;
  start(o);
  std::vector<RawHttpConnection> held;
  for (int n = 0; n < 3; ++n) {
    held.emplace_back(transport_->port(), "127.0.0.5");
    held.back().send(get("/held"));
    held.back().readResponse();  // admitted, and still open
  }
  auto over = connect("127.0.0.5");
  EXPECT_EQ(503, RawHttpConnection::status(over.readResponse(1s)));
  EXPECT_TRUE(over.closedWithin(1s));
  auto other = connect("127.0.0.6");
  other.send(get("/other"));
  EXPECT_EQ(200, RawHttpConnection::status(other.readResponse(1s)));
}

TEST_F(HttpTransportTest, ForwardedForIsBelievedFromATrustedProxyOnly) {
  TransportOptions o;
  o.trustedProxies = TrustedProxies("127.0.0.1");
  start(o);
  const std::string request = "GET /who HTTP/1.1\r\nHost: t\r\nX-Forwarded-For: 6.6.6.6, 198.51.100.7\r\n\r\n";
  auto proxy = connect("127.0.0.1");
  proxy.send(request);
  EXPECT_EQ("GET /who client=198.51.100.7 length=-1 body=", RawHttpConnection::body(proxy.readResponse()));
  auto direct = connect("127.0.0.3");
  direct.send(request);
  EXPECT_EQ("GET /who client=127.0.0.3 length=-1 body=", RawHttpConnection::body(direct.readResponse()));
}

TEST_F(HttpTransportTest, StoppingLetsARequestBeingServedFinishAndBeAnswered) {
  start();
  auto c = connect();
  c.send(get("/hold"));
  ASSERT_TRUE(entered_.tryWait(5000));
  std::thread stopper([this] { transport_->stop(); });
  release_.set();
  std::string answer;
  try {
    answer = c.readResponse();
  } catch (const std::exception& e) {
    ADD_FAILURE() << e.what();
  }
  stopper.join();
  EXPECT_EQ("GET /hold client=127.0.0.1 length=-1 body=", RawHttpConnection::body(answer));
  EXPECT_TRUE(c.closedWithin(2s));
}

}  // namespace
}  // namespace paynext::core::transport
