#pragma once
// The work of paynextd's /pay/wx/wxapp minus paynext, on a bare Poco
// HTTPServer in the bench process: per request one WeChat Pay v2
// unifiedorder round trip to the gatewaysim (signed XML POST on a keep-alive
// session of the handler thread, the answer parsed and its signature
// checked), then the JSAPI pay parameters signed and a small JSON envelope.
// No database, no user, no plugin: what is left of paynextd's figure above
// this one is paynext's own cost.
#include <memory>

#include <Poco/Net/HTTPServer.h>
#include <Poco/ThreadPool.h>

namespace paynext::tools::bench {

class BareWxpayServer {
 public:
  // Listens on 127.0.0.1 (a free port) with `threads` worker threads;
  // orders go to the gatewaysim on 127.0.0.1:gatewayPort.
  BareWxpayServer(int gatewayPort, int threads);
  ~BareWxpayServer();

  int port() const { return server_->port(); }

 private:
  Poco::ThreadPool pool_;
  std::unique_ptr<Poco::Net::HTTPServer> server_;
};

}  // namespace paynext::tools::bench
