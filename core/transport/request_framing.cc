#include "core/transport/request_framing.h"

#include <regex>
#include <sstream>

#include <boost/beast/http/error.hpp>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/String.h>

namespace paynext::core::transport {

namespace http = boost::beast::http;

namespace {

const Rejection kUnsupportedVersion{505, "HTTP version not supported: use HTTP/1.1 or HTTP/1.0"};

}  // namespace

std::optional<Rejection> checkFraming(const http::request_header<>& head) {
  if (head.version() != 10 && head.version() != 11) {
    return kUnsupportedVersion;
  }
  if (head.version() == 11 && head.count(http::field::host) != 1) {
    return Rejection{400, "an HTTP/1.1 request needs exactly one Host header"};
  }
  const auto codings = head.find(http::field::transfer_encoding);
  if (codings != head.end()) {
    // Beast accepts a coding list ending in chunked; only chunked alone is served.
    if (Poco::icompare(std::string(codings->value()), "chunked") != 0) {
      return Rejection{501, "transfer coding not supported: only chunked"};
    }
  }
  return std::nullopt;
}

Rejection parseRejection(const boost::system::error_code& error, std::string_view received) {
  if (error == http::error::header_limit) return {431, "request head too large"};
  if (error == http::error::body_limit) return {413, "request body too large"};
  static const std::regex kOtherVersion(R"(^[!#$%&'*+.^_`|~0-9A-Za-z-]+ [^ \r\n]+ HTTP/[0-9]\.[0-9]\r\n)");
  if (error == http::error::bad_version && std::regex_search(received.begin(), received.end(), kOtherVersion)) {
    return kUnsupportedVersion;
  }
  return {400, "malformed request: " + error.message()};
}

std::string rejectionWire(const Rejection& rejection) {
  Poco::Net::HTTPResponse response(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(rejection.status));
  response.setVersion(Poco::Net::HTTPMessage::HTTP_1_1);
  response.set("Connection", "close");
  response.setContentType("text/plain; charset=utf-8");
  const std::string body = rejection.message + "\n";
  response.setContentLength64(static_cast<Poco::Int64>(body.size()));
  std::ostringstream out;
  response.write(out);
  return out.str() + body;
}

}  // namespace paynext::core::transport
