#include "core/net/outbound_policy.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>

#include <Poco/Net/NetworkInterface.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>

namespace paynext::core::net {

namespace {

using Poco::Net::IPAddress;

bool inNetwork(const IPAddress& address, const IPAddress& network, unsigned prefix) {
  if (address.family() != network.family()) return false;
  const auto* a = static_cast<const unsigned char*>(address.addr());
  const auto* n = static_cast<const unsigned char*>(network.addr());
  const unsigned whole = prefix / 8;
  if (std::memcmp(a, n, whole) != 0) return false;
  const unsigned rest = prefix % 8;
  if (rest == 0) return true;
  const unsigned char mask = static_cast<unsigned char>(0xFF << (8 - rest));
  return (a[whole] & mask) == (n[whole] & mask);
}

bool in(const IPAddress& address, const char* network, unsigned prefix) {
  return inNetwork(address, IPAddress(network), prefix);
}

std::optional<std::string> category(const IPAddress& a) {
  if (a.family() == IPAddress::IPv4) {
    if (in(a, "0.0.0.0", 8)) return "未指定地址";
    if (in(a, "127.0.0.0", 8)) return "环回地址";
    if (in(a, "169.254.0.0", 16)) return "链路本地地址";
    if (in(a, "10.0.0.0", 8) || in(a, "172.16.0.0", 12) || in(a, "192.168.0.0", 16) || in(a, "100.64.0.0", 10)) {
      return "内网地址";
    }
    if (in(a, "224.0.0.0", 4)) return "组播地址";
    if (in(a, "255.255.255.255", 32)) return "广播地址";
    return std::nullopt;
  }
  if (a.isWildcard()) return "未指定地址";
  if (a.isLoopback()) return "环回地址";
  if (in(a, "fe80::", 10)) return "链路本地地址";
  if (in(a, "fc00::", 7) || in(a, "fec0::", 10)) return "内网地址";
  if (in(a, "ff00::", 8)) return "组播地址";
  // IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::/96) forms may reach IPv4 hosts.
  if (inNetwork(a, IPAddress::wildcard(IPAddress::IPv6), 96) || in(a, "64:ff9b::", 96)) return "内网地址";
  return std::nullopt;
}

int parsePort(const std::string& text, const std::string& entry) {
  unsigned port = 0;
  if (!Poco::NumberParser::tryParseUnsigned(text, port) || port == 0 || port > 65535) {
    throw std::invalid_argument("outbound.allow: bad port in \"" + entry + "\"");
  }
  return static_cast<int>(port);
}

}  // namespace

IPAddress unmapped(const IPAddress& address) {
  if (address.family() != IPAddress::IPv6 || !address.isIPv4Mapped()) return address;
  const auto* bytes = static_cast<const unsigned char*>(address.addr());
  return IPAddress(bytes + 12, 4);
}

OutboundPolicy::OutboundPolicy(const std::string& allow, std::vector<IPAddress> ownAddresses) {
  for (const auto& a : ownAddresses) own_.push_back(unmapped(a));
  Poco::StringTokenizer entries(allow, ",", Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
  for (const std::string& entry : entries) {
    std::string address = entry;
    int port = 0;
    if (!address.empty() && address[0] == '[') {  // [v6] or [v6]:port, optionally with /prefix inside or after
      const auto close = address.find(']');
      if (close == std::string::npos) throw std::invalid_argument("outbound.allow: bad entry \"" + entry + "\"");
      const std::string after = address.substr(close + 1);
      address = address.substr(1, close - 1);
      if (!after.empty() && after[0] == ':') port = parsePort(after.substr(1), entry);
      else if (!after.empty()) address += after;
    } else if (std::count(address.begin(), address.end(), ':') == 1) {  // a.b.c.d:port
      const auto colon = address.find(':');
      port = parsePort(address.substr(colon + 1), entry);
      address = address.substr(0, colon);
    }
    std::string prefixText;
    if (const auto slash = address.find('/'); slash != std::string::npos) {
      prefixText = address.substr(slash + 1);
      address = address.substr(0, slash);
    }
    IPAddress network;
    if (!IPAddress::tryParse(address, network)) {
      throw std::invalid_argument("outbound.allow: not an IP address or network: \"" + entry + "\"");
    }
    network = unmapped(network);
    const unsigned bits = network.family() == IPAddress::IPv4 ? 32 : 128;
    unsigned prefix = bits;
    if (!prefixText.empty() && (!Poco::NumberParser::tryParseUnsigned(prefixText, prefix) || prefix > bits)) {
      throw std::invalid_argument("outbound.allow: bad network prefix in \"" + entry + "\"");
    }
    allow_.push_back(Entry{network, prefix, port});
  }
}

OutboundPolicy OutboundPolicy::forThisHost(const std::string& allow) {
  std::vector<IPAddress> own;
  for (const auto& interface : Poco::Net::NetworkInterface::list(true, false)) {
    for (const auto& entry : interface.addressList()) {
      own.push_back(entry.get<Poco::Net::NetworkInterface::IP_ADDRESS>());
    }
  }
  return OutboundPolicy(allow, std::move(own));
}

bool OutboundPolicy::allowListed(const IPAddress& address, int port) const {
  const IPAddress a = unmapped(address);
  for (const auto& e : allow_) {
    if ((e.port == 0 || e.port == port) && inNetwork(a, e.network, e.prefix)) return true;
  }
  return false;
}

std::optional<std::string> OutboundPolicy::refusal(const IPAddress& address, int port, bool https) const {
  if (allowListed(address, port)) return std::nullopt;
  const IPAddress a = unmapped(address);
  if (auto reason = category(a)) return reason;
  for (const auto& own : own_) {
    if (own == a) return std::string("本机地址");
  }
  if (!https) return std::string("明文 http 只能发往 outbound.allow 列出的地址");
  return std::nullopt;
}

}  // namespace paynext::core::net
