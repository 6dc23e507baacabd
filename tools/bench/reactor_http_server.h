#pragma once
// A bench-only prototype (never part of paynextd): a minimal HTTP/1.1
// keep-alive server on Poco::Net::SocketReactor, measured next to Poco's
// HTTPServer and paynext's Beast transport in tools/bench/transport_compare.
//
// One reactor thread reads every connection without blocking and keeps the
// bytes until a request is complete (head up to "\r\n\r\n", parsed with
// Poco::Net::HTTPRequest, then Content-Length bytes of body); only then is
// the request handed to a pool of `workers` threads. So an idle or half-sent
// connection holds no worker thread, which is the property being compared.
// While a request is served its socket is taken off the reactor; the worker
// runs the handler, writes the answer itself with a blocking send loop (a
// prototype's shortcut: a slow reader holds that worker while it writes), and
// then gives the socket back to the reactor for the next request, or closes
// it on "Connection: close".
//
// Not supported, on purpose: TLS, chunked request bodies (the connection is
// closed), pipelining (bytes sent after a request before its answer are kept
// but read only on the next readable event), timeouts for idle or slow
// connections, and any limit on their number.
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

namespace paynext::tools::bench {

class ReactorHttpServer {
 public:
  // Returns the JSON body of the answer to one request; an exception answers 500.
  using Handler =
      std::function<std::string(const std::string& method, const std::string& target, const std::string& body)>;

  // Listens on 127.0.0.1:0 and serves at once; stops in the destructor.
  ReactorHttpServer(Handler handler, int workers);
  ~ReactorHttpServer();
  ReactorHttpServer(const ReactorHttpServer&) = delete;
  ReactorHttpServer& operator=(const ReactorHttpServer&) = delete;

  int port() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace paynext::tools::bench
