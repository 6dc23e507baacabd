#pragma once
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>

#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <Poco/Logger.h>

#include "core/transport/buffered_request.h"
#include "core/transport/buffered_response.h"
#include "core/transport/connection_shared.h"
#include "core/transport/request_framing.h"

namespace paynext::core::transport {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace asio = boost::asio;

using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

// The peer of a connection as accepted.
struct Peer {
  Poco::Net::IPAddress address;
  std::string key;  // address as text, for ConnectionLimits
  bool trustedProxy = false;
  Poco::Net::SocketAddress server;
};

// One client connection: reads a request's head and body without a thread
// (only bytes that arrived are parsed), hands a complete request to the
// worker pool, writes the answer, and waits for the next one. Requests on
// one connection are served one at a time, so pipelined ones are answered
// in order. Every step has a deadline; a connection that misses one closes.
template <class Stream>
class HttpConnection : public Connection, public std::enable_shared_from_this<HttpConnection<Stream>> {
 public:
  static constexpr bool kTls = std::is_same_v<Stream, TlsStream>;

  HttpConnection(Stream stream, ConnectionShared& shared, Peer peer)
      : stream_(std::move(stream)), shared_(shared), peer_(std::move(peer)) {}

  ~HttpConnection() override {
    shared_.limits.release(peer_.key, peer_.trustedProxy);
    shared_.remove(this);
  }

  void start() {
    shared_.add(this, this->shared_from_this());
    if constexpr (kTls) {
      lowest().expires_after(shared_.options.headTimeout);
      stream_.async_handshake(asio::ssl::stream_base::server, [self = this->shared_from_this()](beast::error_code ec) {
        if (!ec) self->waitForRequest();
      });
    } else {
      waitForRequest();
    }
  }

  void closeWhenIdle() override {
    asio::post(stream_.get_executor(), [self = this->shared_from_this()] {
      if (!self->serving_) self->closeSocket();
    });
  }

 private:
  beast::tcp_stream& lowest() { return beast::get_lowest_layer(stream_); }

  void closeSocket() {
    beast::error_code ignored;
    lowest().socket().close(ignored);
  }

  // The next request may be slow to come (keep-alive), but once its first
  // byte is here the head has headTimeout to arrive whole.
  void waitForRequest() {
    if (shared_.stopping) return closeSocket();
    if (buffer_.size() > 0) return readHead();
    lowest().expires_after(shared_.options.idleTimeout);
    stream_.async_read_some(buffer_.prepare(4096),
                            [self = this->shared_from_this()](beast::error_code ec, std::size_t n) {
                              if (ec) return;  // idle timeout or the client went away
                              self->buffer_.commit(n);
                              self->readHead();
                            });
  }

  void readHead() {
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(shared_.options.maxHeadBytes));
    // Unbounded until the head is read: a Content-Length over the bound is
    // answered by the handlers (below), not refused by the parser.
    // (Not boost::none: this Beast compares an empty limit as below any length.)
    parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    lowest().expires_after(shared_.options.headTimeout);
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             [self = this->shared_from_this()](beast::error_code ec, std::size_t) { self->onHead(ec); });
  }

  void onHead(beast::error_code ec) {
    if (ec) return failed(ec);
    const auto& head = parser_->get();
    if (auto rejection = checkFraming(head)) return reject(*rejection);
    const auto length = parser_->content_length();
    if (length && *length > shared_.options.maxBodyBytes) {
      // The handlers answer an oversized body in the caller's dialect; the
      // body is never read, so the connection closes after the answer.
      return dispatch(false);
    }
    if (parser_->is_done()) return dispatch(true);
    parser_->body_limit(shared_.options.maxBodyBytes);  // bounds a chunked body as it comes
    const auto expect = head.find(bhttp::field::expect);
    if (expect != head.end() && beast::iequals(expect->value(), "100-continue") && head.version() == 11) {
      static const std::string kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      lowest().expires_after(shared_.options.writeTimeout);
      return asio::async_write(stream_, asio::buffer(kContinue),
                               [self = this->shared_from_this()](beast::error_code e, std::size_t) {
                                 if (!e) self->readBody();
                               });
    }
    readBody();
  }

  void readBody() {
    lowest().expires_after(shared_.options.bodyTimeout);
    bhttp::async_read(stream_, buffer_, *parser_, [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return self->failed(ec);
      self->dispatch(true);
    });
  }

  // A timeout or a closed connection ends quietly; a request the parser
  // refused is answered first.
  void failed(beast::error_code ec) {
    if (ec == beast::error::timeout || ec == bhttp::error::end_of_stream || ec == asio::error::eof ||
        ec == asio::error::connection_reset || ec == asio::error::operation_aborted ||
        ec == bhttp::error::partial_message || ec.category() == asio::error::get_ssl_category()) {
      return closeSocket();
    }
    const auto held = buffer_.data();
    reject(parseRejection(ec, std::string_view(static_cast<const char*>(held.data()), held.size())));
  }

  void reject(const Rejection& rejection) {
    send(std::make_shared<std::string>(rejectionWire(rejection)), false);
  }

  void dispatch(bool bodyRead) {
    serving_ = true;
    ++served_;
    lowest().expires_never();
    auto message = std::make_shared<bhttp::request<bhttp::string_body>>(parser_->release());
    parser_.reset();
    const bool keepAlive = bodyRead && message->keep_alive() && served_ < shared_.options.maxKeepAliveRequests;
    RequestOrigin origin{clientOf(*message), peer_.server, kTls};
    asio::post(shared_.workers, [self = this->shared_from_this(), message, origin, keepAlive] {
      auto wire = std::make_shared<std::string>(self->serve(*message, origin, keepAlive));
      asio::post(self->stream_.get_executor(), [self, wire, keepAlive] { self->send(wire, keepAlive); });
    });
  }

  Poco::Net::SocketAddress clientOf(const bhttp::request<bhttp::string_body>& message) const {
    const auto forwarded = message.find("X-Forwarded-For");
    if (!peer_.trustedProxy || forwarded == message.end()) return Poco::Net::SocketAddress(peer_.address, 0);
    std::string hops;
    for (auto [it, end] = message.equal_range("X-Forwarded-For"); it != end; ++it) {
      hops += (hops.empty() ? "" : ",") + std::string(it->value());
    }
    return Poco::Net::SocketAddress(shared_.proxies.client(peer_.address, hops), 0);
  }

  // Runs on a worker thread.
  std::string serve(bhttp::request<bhttp::string_body>& message, const RequestOrigin& origin, bool keepAlive) {
    BufferedResponse response;
    try {
      const auto bodySize = static_cast<Poco::Int64>(message.body().size());
      BufferedRequest request(std::move(message.body()), origin, *shared_.params, response);
      request.setMethod(std::string(message.method_string()));
      request.setURI(std::string(message.target()));
      request.setVersion(message.version() == 10 ? Poco::Net::HTTPMessage::HTTP_1_0
                                                 : Poco::Net::HTTPMessage::HTTP_1_1);
      for (const auto& field : message) {
        if (field.name() == bhttp::field::transfer_encoding) continue;  // the body is decoded
        request.add(std::string(field.name_string()), std::string(field.value()));
      }
      if (message.chunked()) request.setContentLength64(bodySize);
      shared_.handler(request, response);
    } catch (const std::exception& e) {
      Poco::Logger::get("paynext.http").error("request handler threw: %s", std::string(e.what()));
      return rejectionWire({500, "internal server error"});
    }
    const bool keep = keepAlive && !shared_.stopping && response.getKeepAlive();
    return response.wire(keep, message.method() == bhttp::verb::head);
  }

  void send(const std::shared_ptr<std::string>& wire, bool keepAlive) {
    keepAlive = keepAlive && !shared_.stopping;
    lowest().expires_after(shared_.options.writeTimeout);
    asio::async_write(stream_, asio::buffer(*wire),
                      [self = this->shared_from_this(), wire, keepAlive](beast::error_code ec, std::size_t) {
                        self->serving_ = false;
                        if (ec) return self->closeSocket();
                        if (keepAlive) return self->waitForRequest();
                        self->lingeringClose();
                      });
  }

  // Half-closes and reads what the client still sends for a moment, so the
  // answer is not lost to a reset from unread bytes.
  void lingeringClose() {
    beast::error_code ignored;
    lowest().socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
    lowest().expires_after(std::chrono::seconds(2));
    drain();
  }

  void drain() {
    lowest().async_read_some(asio::buffer(discard_), [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec || ++self->drained_ > 16) return self->closeSocket();
      self->drain();
    });
  }

  Stream stream_;
  ConnectionShared& shared_;
  const Peer peer_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  bool serving_ = false;
  int served_ = 0;
  int drained_ = 0;
  char discard_[4096];
};

}  // namespace paynext::core::transport
