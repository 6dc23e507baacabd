#include "core/transport/trusted_proxies.h"

#include <gtest/gtest.h>
#include <Poco/Exception.h>

namespace paynext::core::transport {
namespace {

using Poco::Net::IPAddress;

std::string clientOf(const TrustedProxies& proxies, const std::string& peer, const std::string& forwardedFor) {
  return proxies.client(IPAddress(peer), forwardedFor).toString();
}

TEST(TrustedProxies, AForwardedForFromAnUntrustedPeerIsIgnored) {
  TrustedProxies none;
  EXPECT_EQ("203.0.113.9", clientOf(none, "203.0.113.9", "1.2.3.4"));
  TrustedProxies proxies("10.0.0.0/8");
  EXPECT_EQ("203.0.113.9", clientOf(proxies, "203.0.113.9", "1.2.3.4"));
}

TEST(TrustedProxies, TheClientIsTheRightmostAddressThatIsNotAProxy) {
  TrustedProxies proxies("127.0.0.1, 10.0.0.0/8");
  EXPECT_EQ("198.51.100.7", clientOf(proxies, "127.0.0.1", "198.51.100.7"));
  // A client may send its own X-Forwarded-For: only the hops the proxies added count.
  EXPECT_EQ("198.51.100.7", clientOf(proxies, "127.0.0.1", "6.6.6.6, 198.51.100.7, 10.1.2.3"));
  EXPECT_EQ("127.0.0.1", clientOf(proxies, "127.0.0.1", "")) << "no header: the proxy itself";
}

TEST(TrustedProxies, AnUnreadableHopEndsTheWalkAtTheHopThatWroteIt) {
  TrustedProxies proxies("127.0.0.1, 10.0.0.0/8");
  EXPECT_EQ("10.1.2.3", clientOf(proxies, "127.0.0.1", "198.51.100.7, garbage, 10.1.2.3"));
  EXPECT_EQ("127.0.0.1", clientOf(proxies, "127.0.0.1", "unknown"));
}

TEST(TrustedProxies, NetworksMatchByPrefixInBothFamilies) {
  TrustedProxies proxies("192.168.4.0/22, fd00::/8, ::1");
  EXPECT_TRUE(proxies.trusts(IPAddress("192.168.7.255")));
  EXPECT_FALSE(proxies.trusts(IPAddress("192.168.8.0")));
  EXPECT_TRUE(proxies.trusts(IPAddress("fd12::5")));
  EXPECT_TRUE(proxies.trusts(IPAddress("::1")));
  EXPECT_FALSE(proxies.trusts(IPAddress("fe80::1")));
  EXPECT_EQ("2001:db8::1", clientOf(proxies, "::1", "2001:db8::1"));
}

TEST(TrustedProxies, ABadEntryIsRefusedNamingIt) {
  try {
    TrustedProxies("127.0.0.1, nginx.local");
    FAIL() << "accepted a name";
  } catch (const Poco::InvalidArgumentException& e) {
    EXPECT_EQ("Invalid argument: http.trustedProxies: not an address or network: nginx.local", e.displayText());
  }
  EXPECT_THROW(TrustedProxies("10.0.0.0/33"), Poco::InvalidArgumentException);
  EXPECT_THROW(TrustedProxies("10.0.0.0/x"), Poco::InvalidArgumentException);
}

}  // namespace
}  // namespace paynext::core::transport
