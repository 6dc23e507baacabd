#include "core/net/outbound_session.h"

#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>

#include "core/net/gateway_session.h"
#include "core/net/outbound_http_client.h"
#include "tests/support/local_http_server.h"
#include "tests/support/test_certificates.h"

namespace paynext::core::net {
namespace {

using paynext::testing::LocalHttpServer;
using paynext::testing::LocalReply;
using paynext::testing::LocalRequest;
using Poco::Net::IPAddress;

// A DNS that answers from a script and counts the questions.
struct ScriptedDns {
  std::vector<std::vector<IPAddress>> answers;  // one per question; the last one repeats
  int asked = 0;

  Resolver resolver() {
    return [this](const std::string&) {
      const auto& a = answers[std::min<std::size_t>(static_cast<std::size_t>(asked), answers.size() - 1)];
      ++asked;
      return a;
    };
  }
};

sdk::HttpRequest get(const std::string& url) {
  sdk::HttpRequest r;
  r.method = "GET";
  r.url = url;
  return r;
}

std::string refusal(OutboundHttpClient& client, const std::string& url) {
  try {
    client.send(get(url));
  } catch (const sdk::HttpRefused& e) {
    return e.what();
  } catch (const sdk::HttpError& e) {
    return std::string("not refused: ") + e.what();
  }
  return "no error";
}

TEST(OutboundSessionTest, ConnectsToTheCheckedAddressAndNamesTheHost) {
  LocalHttpServer server([](const LocalRequest&) { return LocalReply{200, "ok"}; });
  // The first answer is checked and used; a rebinding DNS gets no second question.
  ScriptedDns dns{{{IPAddress("127.0.0.1")}, {IPAddress("10.9.9.9")}}};
  OutboundHttpClient client({}, std::make_shared<OutboundPolicy>("127.0.0.1:" + std::to_string(server.port())),
                            dns.resolver());
  const auto reply = client.send(get("http://partner.example:" + std::to_string(server.port()) + "/x"));
  EXPECT_EQ("ok", reply.body);
  EXPECT_EQ(1, dns.asked);
  ASSERT_EQ(1u, server.requests().size());
  EXPECT_EQ("partner.example:" + std::to_string(server.port()), server.requests()[0].header("Host"));
}

TEST(OutboundSessionTest, RefusesBeforeConnectingWhenAnyAddressIsInward) {
  LocalHttpServer server([](const LocalRequest&) { return LocalReply{200, "secret"}; });
  const std::string port = std::to_string(server.port());
  ScriptedDns dns{{{IPAddress("203.0.113.7"), IPAddress("127.0.0.1")}}};
  OutboundHttpClient client({}, std::make_shared<OutboundPolicy>(), dns.resolver());
  EXPECT_EQ("出站地址 partner.example(127.0.0.1) 不允许:环回地址", refusal(client, "https://partner.example:" + port));
  EXPECT_TRUE(server.requests().empty());
}

TEST(OutboundSessionTest, EverySpellingOfAnInwardAddressIsRefusedWithTheSystemResolver) {
  LocalHttpServer server([](const LocalRequest&) { return LocalReply{200, "secret"}; });
  const std::string port = std::to_string(server.port());
  // Only another port is allow-listed: the server's own port stays refused.
  OutboundHttpClient client({}, std::make_shared<OutboundPolicy>("127.0.0.1:1"));
  for (const std::string host : {"127.0.0.1", "127.1", "2130706433", "0x7f.1"}) {
    EXPECT_EQ("出站地址 " + std::string(host == "127.0.0.1" ? "" : host + "(") + "127.0.0.1" +
                  (host == "127.0.0.1" ? "" : ")") + " 不允许:环回地址",
              refusal(client, "http://" + host + ":" + port + "/admin/api/factories"))
        << host;
  }
  EXPECT_EQ("出站地址 ::ffff:127.0.0.1(127.0.0.1) 不允许:环回地址",
            refusal(client, "http://[::ffff:127.0.0.1]:" + port + "/"));
  EXPECT_EQ("出站地址 ::1 不允许:环回地址", refusal(client, "http://[::1]:" + port + "/"));
  EXPECT_EQ("出站地址 0.0.0.0 不允许:未指定地址", refusal(client, "http://0.0.0.0:" + port + "/"));
  EXPECT_EQ("出站地址 169.254.169.254 不允许:链路本地地址", refusal(client, "http://169.254.169.254/latest"));
  EXPECT_NE(std::string::npos, refusal(client, "http://localhost:" + port + "/").find(" 不允许:环回地址"));
  EXPECT_EQ("出站地址 203.0.113.7 不允许:明文 http 只能发往 outbound.allow 列出的地址",
            refusal(client, "http://203.0.113.7/"));
  EXPECT_TRUE(server.requests().empty());
}

TEST(OutboundSessionTest, ASavedUrlGetsTheVerdictACallWould) {
  // The same words a call's HttpRefused carries, for every way in.
  OutboundHttpClient client({}, std::make_shared<OutboundPolicy>("127.0.0.1:1"));
  for (const std::string url : {"http://127.1:8080/admin", "http://[::ffff:127.0.0.1]/", "http://169.254.169.254/x",
                                "https://0.0.0.0/", "http://203.0.113.7/"}) {
    const auto saved = client.refusal(url);
    ASSERT_TRUE(saved.has_value()) << url;
    EXPECT_EQ(refusal(client, url), *saved) << url;
  }
  EXPECT_EQ(std::nullopt, client.refusal("https://203.0.113.7/notify"));
  EXPECT_EQ(std::nullopt, client.refusal("http://127.0.0.1:1/allow-listed"));
  // A name that resolves inward is refused; one that does not resolve now is
  // left to the call, which checks again.
  ScriptedDns inward{{{IPAddress("10.1.2.3")}}};
  EXPECT_EQ("出站地址 partner.example(10.1.2.3) 不允许:内网地址",
            OutboundHttpClient({}, std::make_shared<OutboundPolicy>(), inward.resolver())
                .refusal("https://partner.example/notify")
                .value_or("accepted"));
  const Resolver nowhere = [](const std::string& host) -> std::vector<IPAddress> {
    throw Poco::Net::HostNotFoundException(host);
  };
  EXPECT_EQ(std::nullopt, OutboundHttpClient({}, std::make_shared<OutboundPolicy>(), nowhere)
                              .refusal("https://not-yet.example/notify"));
}

TEST(OutboundSessionTest, HttpsToANameGoesToTheCheckedAddressAndVerifiesTheName) {
  // Each test runs in a process of its own under ctest; this is the one that
  // makes the process's TLS client context, so it trusts this CA.
  paynext::testing::TestCertificates certs("partner.example", "DNS:partner.example");
  setGatewayCaFile(certs.ca());
  Poco::Net::Context::Ptr serverContext = new Poco::Net::Context(
      Poco::Net::Context::TLS_SERVER_USE, certs.privateKey(), certs.certificate(), "", Poco::Net::Context::VERIFY_NONE);
  LocalHttpServer server([](const LocalRequest&) { return LocalReply{200, "over tls"}; },
                         Poco::Net::SecureServerSocket(Poco::Net::SocketAddress("127.0.0.1", 0), 64, serverContext));
  const std::string port = std::to_string(server.port());
  const auto allowed = std::make_shared<OutboundPolicy>("127.0.0.1:" + port);

  // The name is resolved once (by the scripted DNS only: nothing else knows
  // it), the connection goes to that address, and the certificate is checked
  // against the name, which it names, not against 127.0.0.1, which it does not.
  ScriptedDns dns{{{IPAddress("127.0.0.1")}}};
  const auto reply = OutboundHttpClient({}, allowed, dns.resolver()).send(get("https://partner.example:" + port + "/x"));
  EXPECT_EQ("over tls", reply.body);
  EXPECT_EQ(1, dns.asked);
  ASSERT_EQ(1u, server.requests().size());
  EXPECT_EQ("partner.example:" + port, server.requests()[0].header("Host"));

  // The same server reached under another name fails the certificate check.
  ScriptedDns other{{{IPAddress("127.0.0.1")}}};
  EXPECT_THROW(OutboundHttpClient({}, allowed, other.resolver()).send(get("https://other.example:" + port + "/x")),
               sdk::HttpError);
  EXPECT_EQ(1u, server.requests().size());
}

TEST(OutboundSessionTest, RedirectsAreReturnedNotFollowed) {
  LocalHttpServer inward([](const LocalRequest&) { return LocalReply{200, "secret"}; });
  LocalHttpServer partner([&](const LocalRequest&) {
    LocalReply reply{302, ""};
    reply.headers["Location"] = inward.url("/admin");
    return reply;
  });
  OutboundHttpClient client({}, std::make_shared<OutboundPolicy>("127.0.0.1"));
  const auto reply = client.send(get(partner.url("/")));
  EXPECT_EQ(302, reply.status);
  EXPECT_TRUE(inward.requests().empty());
}

TEST(OutboundSessionTest, GatewayCallsApplyTheProcessPolicy) {
  LocalHttpServer server([](const LocalRequest&) { return LocalReply{200, "ok"}; });
  const auto previous = gatewayOutboundPolicy();
  setGatewayOutboundPolicy(std::make_shared<OutboundPolicy>());
  try {
    postToGateway(Poco::URI(server.url()), "/pay", "text/plain", "x", GatewayCall{});
    ADD_FAILURE() << "no error";
  } catch (const GatewayError& e) {
    EXPECT_STREQ("出站地址 127.0.0.1 不允许:环回地址", e.what());
  }
  setGatewayOutboundPolicy(std::make_shared<OutboundPolicy>("127.0.0.1"));
  EXPECT_EQ("ok", postToGateway(Poco::URI(server.url()), "/pay", "text/plain", "x", GatewayCall{}));
  setGatewayOutboundPolicy(previous);
  EXPECT_EQ(1u, server.requests().size());
}

TEST(OutboundSessionTest, GatewayCallsKeepTheirConnection) {
  LocalHttpServer server([](const LocalRequest&) { return LocalReply{200, "ok"}; });
  const auto previous = gatewayOutboundPolicy();
  setGatewayOutboundPolicy(std::make_shared<OutboundPolicy>("127.0.0.1"));
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ("ok", postToGateway(Poco::URI(server.url()), "/pay", "text/plain", "x", GatewayCall{}));
  }
  setGatewayOutboundPolicy(previous);
  const auto requests = server.requests();
  ASSERT_EQ(3u, requests.size());
  EXPECT_EQ(requests[0].peer, requests[1].peer);
  EXPECT_EQ(requests[0].peer, requests[2].peer);
}

// Answers each connection's first request saying keep-alive, then closes it,
// as a gateway does whose idle timeout has just passed.
class ClosingServer {
 public:
  ClosingServer() : socket_(Poco::Net::SocketAddress("127.0.0.1", 0)) {
    thread_ = std::thread([this] {
      for (;;) {
        Poco::Net::StreamSocket client = socket_.acceptConnection();
        if (stopping_) return;
        ++accepted_;
        std::string head;
        char c;
        while (head.find("\r\n\r\n") == std::string::npos && client.receiveBytes(&c, 1) == 1) head += c;
        char body[1];  // the test sends one byte
        client.receiveBytes(body, 1);
        const std::string reply = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nok";
        client.sendBytes(reply.data(), static_cast<int>(reply.size()));
        client.close();
      }
    });
  }
  ~ClosingServer() {
    stopping_ = true;
    Poco::Net::StreamSocket wake(socket_.address());
    thread_.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(socket_.address().port()) + "/"; }
  int accepted() const { return accepted_; }

 private:
  Poco::Net::ServerSocket socket_;
  std::atomic<bool> stopping_{false};
  std::atomic<int> accepted_{0};
  std::thread thread_;
};

TEST(OutboundSessionTest, AKeptConnectionTheGatewayClosedIsReplacedOnce) {
  ClosingServer server;
  const auto previous = gatewayOutboundPolicy();
  setGatewayOutboundPolicy(std::make_shared<OutboundPolicy>("127.0.0.1"));
  EXPECT_EQ("ok", postToGateway(Poco::URI(server.url()), "/pay", "text/plain", "x", GatewayCall{}));
  EXPECT_EQ("ok", postToGateway(Poco::URI(server.url()), "/pay", "text/plain", "x", GatewayCall{}));
  setGatewayOutboundPolicy(previous);
  EXPECT_EQ(2, server.accepted());
}

}  // namespace
}  // namespace paynext::core::net
