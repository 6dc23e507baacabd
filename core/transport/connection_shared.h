#pragma once
#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_map>

#include <boost/asio/thread_pool.hpp>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include "core/transport/connection_limits.h"
#include "core/transport/transport_options.h"
#include "core/transport/trusted_proxies.h"

namespace paynext::core::transport {

using RequestHandler = std::function<void(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse&)>;

// One open connection, as the transport sees it when it stops.
class Connection {
 public:
  virtual ~Connection() = default;
  // Closes the connection when it waits for a request; one being served
  // closes after its answer.
  virtual void closeWhenIdle() = 0;
};

// What every connection of one transport shares: settings, bounds, the
// worker pool that runs handlers, and the list of open connections.
struct ConnectionShared {
  ConnectionShared(const TransportOptions& o, RequestHandler h)
      : options(o),
        limits(o.maxConnections, o.maxConnectionsPerAddress),
        proxies(o.trustedProxies),
        params(new Poco::Net::HTTPServerParams),
        handler(std::move(h)),
        workers(static_cast<std::size_t>(o.workerThreads)) {}

  void add(Connection* c, std::weak_ptr<Connection> w) {
    std::lock_guard<std::mutex> lock(mutex);
    open.emplace(c, std::move(w));
  }
  void remove(Connection* c) {
    std::lock_guard<std::mutex> lock(mutex);
    open.erase(c);
    if (open.empty()) drained.notify_all();
  }

  const TransportOptions options;
  ConnectionLimits limits;
  const TrustedProxies proxies;
  Poco::Net::HTTPServerParams::Ptr params;
  RequestHandler handler;
  boost::asio::thread_pool workers;
  std::atomic<bool> stopping{false};

  std::mutex mutex;
  std::condition_variable drained;
  std::unordered_map<Connection*, std::weak_ptr<Connection>> open;
};

}  // namespace paynext::core::transport
