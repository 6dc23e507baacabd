#include "core/transport/http_transport.h"

#include <optional>
#include <thread>
#include <vector>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/context.hpp>

#include "core/transport/http_listener.h"

namespace paynext::core::transport {

namespace asio = boost::asio;
using asio::ip::tcp;

namespace {

void bind(tcp::acceptor& acceptor, const std::string& host, int port) {
  tcp::resolver resolver(acceptor.get_executor());
  const tcp::endpoint endpoint = *resolver.resolve(host, std::to_string(port), tcp::resolver::passive).begin();
  acceptor.open(endpoint.protocol());
  acceptor.set_option(tcp::acceptor::reuse_address(true));
  acceptor.bind(endpoint);
  acceptor.listen(asio::socket_base::max_listen_connections);
}

std::unique_ptr<asio::ssl::context> tlsContext(const TransportOptions& o) {
  auto tls = std::make_unique<asio::ssl::context>(asio::ssl::context::tls_server);
  tls->set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                   asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 | asio::ssl::context::no_tlsv1_1 |
                   asio::ssl::context::single_dh_use);
  tls->use_certificate_chain_file(o.certificateFile);
  tls->use_private_key_file(o.privateKeyFile, asio::ssl::context::pem);
  return tls;
}

}  // namespace

struct HttpTransport::Impl {
  explicit Impl(const TransportOptions& o) : options(o), plain(io) {}

  // Declared before io: handlers io still holds when it is destroyed own
  // connections, which use both.
  TransportOptions options;
  std::unique_ptr<ConnectionShared> shared;
  std::unique_ptr<asio::ssl::context> tls;
  asio::io_context io;
  tcp::acceptor plain;
  std::optional<tcp::acceptor> secure;
  // Keeps the I/O threads running while answers are still being made by
  // workers after the listeners close.
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> busy;
  std::vector<std::thread> threads;
};

HttpTransport::HttpTransport(const TransportOptions& options) : impl_(std::make_unique<Impl>(options)) {
  bind(impl_->plain, options.host, options.port);
  if (options.httpsPort >= 0) {
    impl_->tls = tlsContext(options);
    impl_->secure.emplace(impl_->io);
    bind(*impl_->secure, options.host, options.httpsPort);
  }
}

HttpTransport::~HttpTransport() { stop(); }

int HttpTransport::port() const { return impl_->plain.local_endpoint().port(); }

int HttpTransport::httpsPort() const { return impl_->secure ? impl_->secure->local_endpoint().port() : 0; }

void HttpTransport::start(RequestHandler handler) {
  auto& i = *impl_;
  i.shared = std::make_unique<ConnectionShared>(i.options, std::move(handler));
  std::make_shared<HttpListener>(i.plain, nullptr, *i.shared)->accept();
  if (i.secure) std::make_shared<HttpListener>(*i.secure, i.tls.get(), *i.shared)->accept();
  i.busy.emplace(i.io.get_executor());
  for (int n = 0; n < std::max(1, i.options.ioThreads); ++n) i.threads.emplace_back([&io = i.io] { io.run(); });
}

void HttpTransport::stop() {
  auto& i = *impl_;
  if (!i.shared || i.threads.empty()) return;
  i.shared->stopping = true;
  asio::post(i.io, [&i] {
    boost::system::error_code ignored;
    i.plain.close(ignored);
    if (i.secure) i.secure->close(ignored);
  });
  std::vector<std::shared_ptr<Connection>> open;
  {
    std::lock_guard<std::mutex> lock(i.shared->mutex);
    for (auto& [raw, weak] : i.shared->open) {
      if (auto c = weak.lock()) open.push_back(std::move(c));
    }
  }
  for (auto& c : open) c->closeWhenIdle();
  open.clear();
  // Requests being served finish; their answers are written, then the
  // connections close.
  i.shared->workers.join();
  {
    std::unique_lock<std::mutex> lock(i.shared->mutex);
    i.shared->drained.wait_for(lock, i.options.writeTimeout, [&] { return i.shared->open.empty(); });
  }
  i.busy.reset();
  i.io.stop();
  for (auto& t : i.threads) t.join();
  i.threads.clear();
}

}  // namespace paynext::core::transport
