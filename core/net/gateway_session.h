#pragma once
#include <cstddef>
#include <istream>
#include <memory>
#include <string>

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/URI.h>

namespace paynext::core::net {

// Where the CA certificates that gateway servers are verified against come
// from, besides the system store. Set once at start-up, before any call.
void setGatewayCaFile(const std::string& caFile);

// An HTTP or HTTPS session to a payment gateway. HTTPS verifies the peer
// (system CAs plus the configured CA file) and its host name.
std::unique_ptr<Poco::Net::HTTPClientSession> openGatewaySession(const Poco::URI& uri, int connectTimeoutMs,
                                                                 int timeoutMs);

// Reads a whole response body; throws std::length_error past `limit` bytes.
std::string readBounded(std::istream& in, std::size_t limit);

}  // namespace paynext::core::net
