#include "tools/bench/baselines.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>
#include <Poco/ThreadPool.h>

#include "tools/bench/load_client.h"

namespace paynext::tools::bench {
namespace {

class Hello : public Poco::Net::HTTPRequestHandler {
 public:
  void handleRequest(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) override {
    answerHello(req, res);
  }
};
class HelloFactory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
    return new Hello;
  }
};

}  // namespace

void answerHello(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) {
  std::string ignored;
  Poco::StreamCopier::copyToString(req.stream(), ignored);
  res.setContentType("application/json");
  res.send() << kHelloEnvelope;
}

Poco::Net::HTTPRequestHandlerFactory* newHelloFactory() { return new HelloFactory; }

bool envelopeOk(int status, const std::string& body) {
  return status == 200 && body.compare(0, 9, "{\"code\":0") == 0;
}

LatencyStats helloBaseline(std::size_t requests, int clients) {
  auto* params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(32);
  // Its own pool: Poco's default pool, which HTTPServer uses otherwise, stops at 16 threads.
  Poco::ThreadPool pool(2, 32);
  Poco::Net::HTTPServer server(newHelloFactory(), pool,
                               Poco::Net::ServerSocket(Poco::Net::SocketAddress("127.0.0.1", 0)), params);
  server.start();
  auto stats = runLoad(server.port(), "/hello", requests, clients, [](std::size_t) { return "a=b"; }, envelopeOk);
  server.stopAll(true);
  return stats;
}

}  // namespace paynext::tools::bench
