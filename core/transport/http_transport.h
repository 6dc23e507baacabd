#pragma once
#include <memory>

#include "core/transport/connection_shared.h"
#include "core/transport/transport_options.h"

namespace paynext::core::transport {

// paynextd's HTTP and HTTPS listeners. Connections are multiplexed on a few
// I/O threads (Boost.Beast over epoll); an idle or slow connection holds no
// worker thread, and only a complete request reaches the route handlers,
// which run on a pool of workerThreads. The sockets are bound on
// construction (so the bound port is known before start), served from start.
class HttpTransport {
 public:
  // Throws for a busy port or unreadable certificate files.
  explicit HttpTransport(const TransportOptions& options);
  ~HttpTransport();

  int port() const;
  int httpsPort() const;  // 0 without HTTPS

  void start(RequestHandler handler);
  // Stops accepting, closes idle connections, lets requests being served
  // finish and be answered, then returns.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace paynext::core::transport
