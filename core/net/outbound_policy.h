#pragma once
#include <optional>
#include <string>
#include <vector>

#include <Poco/Net/IPAddress.h>

namespace paynext::core::net {

// Which addresses calls whose URL a factory's settings can set (SMS providers,
// partners' result URLs, payment gateways) may reach. Checked on the resolved
// address, so every spelling of an address (127.1, 2130706433, ::ffff:127.0.0.1)
// and every name that resolves inward is judged the same way.
//
// Refused unless allow-listed: loopback, link-local, private (incl. fc00::/7 and
// 100.64/10), unspecified, multicast, broadcast and the server's own addresses.
// Plain http is allowed only to allow-listed destinations; everything else must
// use https.
class OutboundPolicy {
 public:
  // `allow` is the outbound.allow setting: comma-separated addresses or
  // networks (10.1.2.0/24, fd00::/8), each optionally with a port
  // (127.0.0.1:8090, [::1]:8090). Throws std::invalid_argument naming a bad entry.
  explicit OutboundPolicy(const std::string& allow = "", std::vector<Poco::Net::IPAddress> ownAddresses = {});

  // The policy of this machine: `allow` plus the addresses of its interfaces.
  static OutboundPolicy forThisHost(const std::string& allow);

  // Why `address`:`port` may not be reached (a short reason such as "环回地址"),
  // or nothing when it may.
  std::optional<std::string> refusal(const Poco::Net::IPAddress& address, int port, bool https) const;

  bool allowListed(const Poco::Net::IPAddress& address, int port) const;

 private:
  struct Entry {
    Poco::Net::IPAddress network;
    unsigned prefix = 0;
    int port = 0;  // 0: any
  };
  std::vector<Entry> allow_;
  std::vector<Poco::Net::IPAddress> own_;
};

// An IPv4-mapped IPv6 address as the IPv4 address it stands for; others unchanged.
Poco::Net::IPAddress unmapped(const Poco::Net::IPAddress& address);

}  // namespace paynext::core::net
