#pragma once
#include <chrono>
#include <cstddef>
#include <string>

#include "core/transport/trusted_proxies.h"

namespace paynext::core::transport {

// What the connection layer allows, read from the http.* and https.*
// settings (etc/paynext.properties documents each).
struct TransportOptions {
  std::string host = "127.0.0.1";
  int port = 8080;
  int httpsPort = -1;  // below 0: no HTTPS listener
  std::string certificateFile;
  std::string privateKeyFile;

  int workerThreads = 32;  // run the route handlers; only complete requests reach them
  int ioThreads = 1;       // carry bytes for every connection

  // A connection may wait this long for the first byte of a request ...
  std::chrono::milliseconds idleTimeout{30000};
  // ... then its whole head (and a TLS handshake) must arrive within this,
  std::chrono::milliseconds headTimeout{5000};
  // its body within this, and an answer must be taken within this.
  std::chrono::milliseconds bodyTimeout{30000};
  std::chrono::milliseconds writeTimeout{30000};

  std::size_t maxConnections = 10000;
  // Per client address; trusted proxies are bound only by maxConnections.
  std::size_t maxConnectionsPerAddress = 256;
  std::size_t maxHeadBytes = 16 * 1024;
  std::size_t maxBodyBytes = 64 * 1024;
  int maxKeepAliveRequests = 1000;
  // Addresses and networks ("10.0.0.0/8") whose X-Forwarded-For is believed;
  // parsed with the other settings, so a bad entry stops start-up early.
  TrustedProxies trustedProxies;
};

}  // namespace paynext::core::transport
