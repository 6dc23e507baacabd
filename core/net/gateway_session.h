#pragma once
#include <cstddef>
#include <istream>
#include <memory>
#include <stdexcept>
#include <string>

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/URI.h>

namespace paynext::core::net {

// Where the CA certificates that gateway servers are verified against come
// from, besides the system store. Set once at start-up, before any call.
void setGatewayCaFile(const std::string& caFile);
std::string gatewayCaFile();  // for contexts made elsewhere (client_certificate.h)

// The TLS client context of gateway and outbound calls (made on first use).
Poco::Net::Context::Ptr gatewayClientContext();

// An HTTP or HTTPS session to uri as it is, without the outbound policy: for
// the CLI talking to its own server. Gateway calls use openOutboundSession. HTTPS verifies the peer
// (system CAs plus the configured CA file) and its host name.
std::unique_ptr<Poco::Net::HTTPClientSession> openGatewaySession(const Poco::URI& uri, int connectTimeoutMs,
                                                                 int timeoutMs);

// Reads a whole response body; throws std::length_error past `limit` bytes.
std::string readBounded(std::istream& in, std::size_t limit);

struct GatewayCall {
  int connectTimeoutMs = 5000;
  int timeoutMs = 10000;
  std::size_t maxResponseBytes = 1024 * 1024;
};

// A gateway call failed: transport, a non-200 answer or an oversized body.
class GatewayError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ClientCertificate;

// POSTs body to uri's host at pathAndQuery and returns the 200 answer's body;
// the gateway outbound policy applies (a refusal is a GatewayError too).
// clientCertificate (mutual TLS, see client_certificate.h) is presented by an
// https call; null presents none. A kept-alive connection is reused only by
// calls presenting the same certificate (or, like the one that made it, none).
std::string postToGateway(const Poco::URI& uri, const std::string& pathAndQuery, const std::string& contentType,
                          const std::string& body, const GatewayCall& limits,
                          const std::shared_ptr<const ClientCertificate>& clientCertificate = nullptr);

}  // namespace paynext::core::net
