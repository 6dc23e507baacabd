#include "core/net/outbound_policy.h"

#include <stdexcept>

#include <gtest/gtest.h>

namespace paynext::core::net {
namespace {

using Poco::Net::IPAddress;

// The reason given for address:port over https under `policy`, "" when allowed.
std::string judge(const OutboundPolicy& policy, const std::string& address, int port = 443, bool https = true) {
  IPAddress ip;
  if (!IPAddress::tryParse(address, ip)) throw std::invalid_argument(address);
  return policy.refusal(ip, port, https).value_or("");
}

TEST(OutboundPolicyTest, RefusesInwardRangesInEverySpelling) {
  const OutboundPolicy policy;
  // Poco parses IPv4 like inet_aton: the short, decimal and hex forms are 127.0.0.1 too.
  for (const char* a : {"127.0.0.1", "127.1", "2130706433", "0x7f.1", "127.255.255.254", "::1",
                        "::ffff:127.0.0.1"}) {
    EXPECT_EQ("环回地址", judge(policy, a)) << a;
  }
  for (const char* a : {"169.254.169.254", "169.254.0.1", "fe80::1", "::ffff:169.254.169.254"}) {
    EXPECT_EQ("链路本地地址", judge(policy, a)) << a;
  }
  for (const char* a : {"10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.255", "192.168.1.1", "100.64.0.1",
                        "100.127.255.255", "fc00::1", "fd12:3456::1", "::ffff:10.1.2.3", "::10.1.2.3",
                        "64:ff9b::a01:203"}) {
    EXPECT_EQ("内网地址", judge(policy, a)) << a;
  }
  for (const char* a : {"0.0.0.0", "0.1.2.3"}) EXPECT_EQ("未指定地址", judge(policy, a)) << a;
  EXPECT_EQ("未指定地址", policy.refusal(IPAddress::wildcard(IPAddress::IPv6), 443, true).value_or(""));
  for (const char* a : {"224.0.0.1", "239.255.255.250", "ff02::1"}) EXPECT_EQ("组播地址", judge(policy, a)) << a;
  EXPECT_EQ("广播地址", judge(policy, "255.255.255.255"));
}

TEST(OutboundPolicyTest, AllowsPublicAddressesOverHttpsOnly) {
  const OutboundPolicy policy;
  for (const char* a : {"203.0.113.7", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2001:db8::1", "::ffff:8.8.8.8"}) {
    EXPECT_EQ("", judge(policy, a)) << a;
    EXPECT_EQ("明文 http 只能发往 outbound.allow 列出的地址", judge(policy, a, 80, false)) << a;
  }
}

TEST(OutboundPolicyTest, RefusesTheServersOwnAddresses) {
  const OutboundPolicy policy("", {IPAddress("203.0.113.7"), IPAddress("2001:db8::7")});
  EXPECT_EQ("本机地址", judge(policy, "203.0.113.7"));
  EXPECT_EQ("本机地址", judge(policy, "::ffff:203.0.113.7"));
  EXPECT_EQ("本机地址", judge(policy, "2001:db8::7"));
  EXPECT_EQ("", judge(policy, "203.0.113.8"));
}

TEST(OutboundPolicyTest, TheAllowListOpensAddressesNetworksAndPorts) {
  const OutboundPolicy policy(" 127.0.0.1:8090, 10.1.2.0/24 ,[::1]:9000, fd00::/8, 203.0.113.7, 192.168.5.5:80",
                              {IPAddress("203.0.113.7")});
  EXPECT_EQ("", judge(policy, "127.0.0.1", 8090, false));
  EXPECT_EQ("", judge(policy, "::ffff:127.0.0.1", 8090, false));
  EXPECT_EQ("环回地址", judge(policy, "127.0.0.1", 8091, false));
  EXPECT_EQ("环回地址", judge(policy, "127.0.0.2", 8090));
  EXPECT_EQ("", judge(policy, "10.1.2.0", 1, false));
  EXPECT_EQ("", judge(policy, "10.1.2.255", 443));
  EXPECT_EQ("内网地址", judge(policy, "10.1.3.0"));
  EXPECT_EQ("", judge(policy, "::1", 9000, false));
  EXPECT_EQ("环回地址", judge(policy, "::1", 9001));
  EXPECT_EQ("", judge(policy, "fd12::1", 443, false));
  EXPECT_EQ("内网地址", judge(policy, "fc00::1"));
  EXPECT_EQ("", judge(policy, "203.0.113.7", 80, false));  // an own address, listed on purpose
  EXPECT_EQ("", judge(policy, "192.168.5.5", 80, false));
  EXPECT_EQ("内网地址", judge(policy, "192.168.5.5", 443));
}

TEST(OutboundPolicyTest, ABadAllowEntryIsAStartUpError) {
  for (const char* bad : {"localhost", "10.0.0.0/33", "127.0.0.1:0", "127.0.0.1:x", "[::1", "fd00::/129"}) {
    EXPECT_THROW(OutboundPolicy{bad}, std::invalid_argument) << bad;
  }
  try {
    OutboundPolicy("10.0.0.1, example.com");
    FAIL() << "no error";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ("outbound.allow: not an IP address or network: \"example.com\"", e.what());
  }
}

}  // namespace
}  // namespace paynext::core::net
