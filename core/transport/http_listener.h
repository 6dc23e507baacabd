#pragma once
#include <memory>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>

#include "core/transport/connection_shared.h"

namespace paynext::core::transport {

// Accepts connections on one bound socket, plain or TLS, and admits each
// within the connection bounds; one past a bound is refused at once (a 503
// on plain HTTP, a close on TLS) instead of waiting in a queue.
class HttpListener : public std::enable_shared_from_this<HttpListener> {
 public:
  HttpListener(boost::asio::ip::tcp::acceptor& acceptor, boost::asio::ssl::context* tls, ConnectionShared& shared);

  void accept();

 private:
  void onAccept(const boost::system::error_code& error, boost::asio::ip::tcp::socket socket);
  void admit(boost::asio::ip::tcp::socket socket);
  void refuse(boost::asio::ip::tcp::socket& socket) const;

  boost::asio::ip::tcp::acceptor& acceptor_;
  boost::asio::ssl::context* tls_;
  ConnectionShared& shared_;
  boost::asio::steady_timer retry_;
};

}  // namespace paynext::core::transport
