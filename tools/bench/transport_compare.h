#pragma once
// The connection-layer comparison: the same hello handler on Poco's
// HTTPServer, the SocketReactor prototype (tools/bench/reactor_http_server.h)
// and paynext's Beast transport (core/transport), measured in one run.
#include <cstddef>
#include <string>
#include <vector>

#include "tools/bench/latency_stats.h"

namespace paynext::tools::bench {

struct TransportLoad {
  std::size_t requests = 5000;  // per row
  int clients = 8, manyClients = 64;
  int crowdSlow = 200, crowdIdle = 1000;
  int workers = 32;  // every server's handler threads
};

struct TransportRow {
  std::string what;
  LatencyStats stats;
};

// Per server: `clients` and `manyClients` keep-alive connections, then
// `clients` again while the crowd is held open. Every row is bounded (a
// request fails after 5 s, none starts after 30 s), so a server that the
// crowd starves shows errors instead of hanging the bench.
std::vector<TransportRow> compareTransports(const TransportLoad& load);

}  // namespace paynext::tools::bench
