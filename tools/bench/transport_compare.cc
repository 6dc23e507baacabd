#include "tools/bench/transport_compare.h"

#include <chrono>
#include <functional>
#include <memory>

#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/ThreadPool.h>

#include "core/transport/http_transport.h"
#include "tools/bench/baselines.h"
#include "tools/bench/crowd.h"
#include "tools/bench/load_client.h"
#include "tools/bench/reactor_http_server.h"

namespace paynext::tools::bench {
namespace {

// The three rows of one server, listening on `port` while it is measured.
void measureServer(const std::string& server, int port, const TransportLoad& load,
                   std::vector<TransportRow>& rows) {
  LoadBounds bounds;
  bounds.requestTimeout = std::chrono::seconds(5);
  bounds.deadline = std::chrono::seconds(30);
  auto hello = [&](int clients) {
    return runLoad(port, "/hello", load.requests, clients, [](std::size_t) { return "a=b"; }, envelopeOk, "POST",
                   bounds);
  };
  const auto connections = [](int n) { return std::to_string(n) + " connections"; };
  rows.push_back({server + ", " + connections(load.clients), hello(load.clients)});
  rows.push_back({server + ", " + connections(load.manyClients), hello(load.manyClients)});
  Crowd crowd(port, "/hello", load.crowdSlow, load.crowdIdle);
  TransportRow withCrowd{"", hello(load.clients)};
  withCrowd.what = server + ", " + connections(load.clients) + " with the crowd (" +
                   std::to_string(crowd.quietAndOpen()) + " of " + std::to_string(crowd.size()) +
                   " crowd connections still open after)";
  rows.push_back(std::move(withCrowd));
}

}  // namespace

std::vector<TransportRow> compareTransports(const TransportLoad& load) {
  std::vector<TransportRow> rows;
  {
    auto* params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(load.workers);
    // Its own pool: the default pool that HTTPServer uses otherwise holds at
    // most 16 threads, whatever setMaxThreads says.
    Poco::ThreadPool pool(2, load.workers);
    Poco::Net::HTTPServer server(newHelloFactory(), pool,
                                 Poco::Net::ServerSocket(Poco::Net::SocketAddress("127.0.0.1", 0)), params);
    server.start();
    measureServer("Poco HTTPServer", server.port(), load, rows);
    server.stopAll(true);
  }
  {
    ReactorHttpServer server(
        [](const std::string&, const std::string&, const std::string&) { return std::string(kHelloEnvelope); },
                             load.workers);
    measureServer("Poco SocketReactor prototype", server.port(), load, rows);
  }
  {
    core::transport::TransportOptions options;
    options.host = "127.0.0.1";
    options.port = 0;
    options.workerThreads = load.workers;
    options.ioThreads = 1;
    // Above the crowd and longer than the run, so the crowd is not cut.
    options.maxConnectionsPerAddress = 2000;
    options.headTimeout = std::chrono::seconds(120);
    options.idleTimeout = std::chrono::seconds(120);
    core::transport::HttpTransport transport(options);
    transport.start(answerHello);
    measureServer("paynext Beast transport", transport.port(), load, rows);
    transport.stop();
  }
  return rows;
}

}  // namespace paynext::tools::bench
