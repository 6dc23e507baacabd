#include "core/transport/http_listener.h"

#include <boost/asio/strand.hpp>
#include <Poco/Logger.h>

#include "core/transport/http_connection.h"

namespace paynext::core::transport {

using boost::asio::ip::tcp;

namespace {

Poco::Net::IPAddress pocoAddress(boost::asio::ip::address address) {
  if (address.is_v6() && address.to_v6().is_v4_mapped()) {
    address = boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, address.to_v6());
  }
  return Poco::Net::IPAddress(address.to_string());
}

Poco::Net::SocketAddress pocoEndpoint(const tcp::endpoint& endpoint) {
  return Poco::Net::SocketAddress(pocoAddress(endpoint.address()), endpoint.port());
}

}  // namespace

HttpListener::HttpListener(tcp::acceptor& acceptor, boost::asio::ssl::context* tls, ConnectionShared& shared)
    : acceptor_(acceptor), tls_(tls), shared_(shared), retry_(acceptor.get_executor()) {}

void HttpListener::accept() {
  acceptor_.async_accept(boost::asio::make_strand(acceptor_.get_executor()),
                         [self = shared_from_this()](const boost::system::error_code& error, tcp::socket socket) {
                           self->onAccept(error, std::move(socket));
                         });
}

void HttpListener::onAccept(const boost::system::error_code& error, tcp::socket socket) {
  if (error == boost::asio::error::operation_aborted || !acceptor_.is_open()) return;  // stopped
  if (error) {
    // Out of descriptors or memory: pause rather than spin.
    Poco::Logger::get("paynext.http").warning("accept failed: %s", error.message());
    retry_.expires_after(std::chrono::milliseconds(50));
    retry_.async_wait([self = shared_from_this()](const boost::system::error_code& e) {
      if (!e) self->accept();
    });
    return;
  }
  admit(std::move(socket));
  accept();
}

void HttpListener::admit(tcp::socket socket) {
  boost::system::error_code error;
  const auto remote = socket.remote_endpoint(error);
  const auto local = socket.local_endpoint(error);
  if (error) return;  // gone already
  Peer peer{pocoAddress(remote.address()), "", false, pocoEndpoint(local)};
  peer.key = peer.address.toString();
  peer.trustedProxy = shared_.proxies.trusts(peer.address);
  if (shared_.stopping || !shared_.limits.admit(peer.key, peer.trustedProxy)) return refuse(socket);
  socket.set_option(tcp::no_delay(true), error);
  if (tls_) {
    std::make_shared<HttpConnection<TlsStream>>(TlsStream(beast::tcp_stream(std::move(socket)), *tls_), shared_,
                                                 std::move(peer))
        ->start();
  } else {
    std::make_shared<HttpConnection<PlainStream>>(PlainStream(std::move(socket)), shared_, std::move(peer))->start();
  }
}

void HttpListener::refuse(tcp::socket& socket) const {
  boost::system::error_code ignored;
  if (!tls_) {
    // A fresh socket's send buffer takes this at once; no thread waits.
    static const std::string kBusy = rejectionWire({503, "too many connections"});
    socket.non_blocking(true, ignored);
    socket.write_some(boost::asio::buffer(kBusy), ignored);
  }
  socket.shutdown(tcp::socket::shutdown_both, ignored);
  socket.close(ignored);
}

}  // namespace paynext::core::transport
