#include "core/transport/trusted_proxies.h"

#include <Poco/Exception.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>

namespace paynext::core::transport {

using Poco::Net::IPAddress;

namespace {

constexpr auto kTokens = Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY;

}  // namespace

TrustedProxies::TrustedProxies(const std::string& list) {
  for (const auto& entry : Poco::StringTokenizer(list, ",", kTokens)) {
    const auto slash = entry.find('/');
    IPAddress address;
    if (!IPAddress::tryParse(entry.substr(0, slash), address)) {
      throw Poco::InvalidArgumentException("http.trustedProxies: not an address or network: " + entry);
    }
    const unsigned bits = address.family() == IPAddress::IPv4 ? 32 : 128;
    unsigned prefix = bits;
    if (slash != std::string::npos && (!Poco::NumberParser::tryParseUnsigned(entry.substr(slash + 1), prefix) ||
                                       prefix > bits)) {
      throw Poco::InvalidArgumentException("http.trustedProxies: bad prefix length in " + entry);
    }
    const IPAddress mask(prefix, address.family());
    networks_.push_back({address & mask, mask});
  }
}

bool TrustedProxies::trusts(const IPAddress& address) const {
  for (const auto& n : networks_) {
    if (n.address.family() == address.family() && (address & n.mask) == n.address) return true;
  }
  return false;
}

IPAddress TrustedProxies::client(const IPAddress& peer, const std::string& forwardedFor) const {
  if (!trusts(peer)) return peer;
  Poco::StringTokenizer hops(forwardedFor, ",", kTokens);
  IPAddress client = peer;
  for (auto hop = hops.end(); hop != hops.begin();) {
    --hop;
    IPAddress address;
    if (!IPAddress::tryParse(*hop, address)) return client;
    client = address;
    if (!trusts(address)) return client;
  }
  return client;
}

}  // namespace paynext::core::transport
