#pragma once
#include <string>

#include <Poco/MemoryStream.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/SocketAddress.h>

namespace paynext::core::transport {

// Where a request came from, as the route handlers see it.
struct RequestOrigin {
  Poco::Net::SocketAddress client;  // the peer, or the client a trusted proxy names
  Poco::Net::SocketAddress server;
  bool secure = false;
};

// A request read whole by the connection layer, handed to Poco route
// handlers as the HTTPServerRequest they already take. A chunked body is
// given decoded, with its Content-Length.
class BufferedRequest : public Poco::Net::HTTPServerRequest {
 public:
  BufferedRequest(std::string body, RequestOrigin origin, const Poco::Net::HTTPServerParams& params,
                  Poco::Net::HTTPServerResponse& response);

  std::istream& stream() override { return stream_; }
  const Poco::Net::SocketAddress& clientAddress() const override { return origin_.client; }
  const Poco::Net::SocketAddress& serverAddress() const override { return origin_.server; }
  const Poco::Net::HTTPServerParams& serverParams() const override { return params_; }
  Poco::Net::HTTPServerResponse& response() const override { return response_; }
  bool secure() const override { return origin_.secure; }

 private:
  const std::string body_;
  Poco::MemoryInputStream stream_;
  const RequestOrigin origin_;
  const Poco::Net::HTTPServerParams& params_;
  Poco::Net::HTTPServerResponse& response_;
};

}  // namespace paynext::core::transport
