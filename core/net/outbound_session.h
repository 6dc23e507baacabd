#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/IPAddress.h>
#include <Poco/URI.h>

#include "core/net/outbound_policy.h"

namespace paynext::core::net {

// Name -> addresses; a seam so tests can play a DNS that answers differently.
using Resolver = std::function<std::vector<Poco::Net::IPAddress>(const std::string& host)>;
std::vector<Poco::Net::IPAddress> systemResolve(const std::string& host);

// Where a call may go: uri's host resolved once and every address checked
// against the policy; `address` is the one to connect to.
struct OutboundTarget {
  std::string scheme;
  std::string host;     // the name, kept for the Host header and TLS
  std::string address;  // the checked IP
  int port = 0;
  // Identifies where a kept-alive session of this target is connected.
  std::string key() const { return scheme + "://" + host + "@" + address + ":" + std::to_string(port); }
};

// Resolves and checks uri's host as openOutboundSession does, connecting nowhere.
OutboundTarget checkOutboundTarget(const Poco::URI& uri, const OutboundPolicy& policy, const Resolver& resolve);

// Why the policy refuses calls to `url` (HttpRefused's words), checked as a
// call would (resolving the name), connecting nowhere; nothing when a call may
// go there, or when it cannot be judged now (unusable URL, a name that does
// not resolve): the call checks again. For settings, when they are saved.
std::optional<std::string> outboundRefusal(const std::string& url, const OutboundPolicy& policy,
                                           const Resolver& resolve);

// A session (not yet connected) to the checked target; https uses `context`
// (a client certificate's, for mutual TLS) or, when null, the gateway one.
std::unique_ptr<Poco::Net::HTTPClientSession> sessionTo(const OutboundTarget& target, int connectTimeoutMs,
                                                        int timeoutMs, Poco::Net::Context::Ptr context = nullptr);

// A session to uri's host that the policy allows: the name is resolved once,
// every address is checked, and the session connects to the first of them
// while the Host header and TLS (SNI, certificate name) keep the name. A later
// answer of the DNS cannot turn the call inward. Throws sdk::HttpRefused,
// before any connection, when an address is refused; sdk::HttpError when the
// URL is unusable or the name does not resolve. The caller must not follow
// redirects (nothing here does).
std::unique_ptr<Poco::Net::HTTPClientSession> openOutboundSession(const Poco::URI& uri, const OutboundPolicy& policy,
                                                                  const Resolver& resolve, int connectTimeoutMs,
                                                                  int timeoutMs);

// The policy of the payment gateways' calls, set once at start-up; until then
// nothing but the policy's defaults (no allow-list) applies.
void setGatewayOutboundPolicy(std::shared_ptr<const OutboundPolicy> policy);
std::shared_ptr<const OutboundPolicy> gatewayOutboundPolicy();

}  // namespace paynext::core::net
