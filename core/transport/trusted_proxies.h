#pragma once
#include <string>
#include <vector>

#include <Poco/Net/IPAddress.h>

namespace paynext::core::transport {

// The proxies (a load balancer, nginx) whose X-Forwarded-For names the
// client. Anyone else could write that header, so it is believed only from
// these.
class TrustedProxies {
 public:
  // A comma-separated list of addresses and networks ("127.0.0.1, 10.0.0.0/8,
  // fd00::/8"); throws Poco::InvalidArgumentException naming a bad entry.
  explicit TrustedProxies(const std::string& list = "");

  bool trusts(const Poco::Net::IPAddress& address) const;

  // The client behind peer: when peer is trusted, the rightmost address of
  // X-Forwarded-For that is not itself a trusted proxy (an unreadable entry
  // ends the walk at the hop that wrote it); otherwise peer.
  Poco::Net::IPAddress client(const Poco::Net::IPAddress& peer, const std::string& forwardedFor) const;

 private:
  struct Network {
    Poco::Net::IPAddress address;
    Poco::Net::IPAddress mask;
  };
  std::vector<Network> networks_;
};

}  // namespace paynext::core::transport
