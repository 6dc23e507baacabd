#pragma once
#include <optional>
#include <string>
#include <string_view>

#include <boost/beast/http/message.hpp>
#include <boost/system/error_code.hpp>

namespace paynext::core::transport {

// A request the connection layer answers itself, then closes the connection:
// whatever follows a badly framed request cannot be trusted to be a request.
struct Rejection {
  int status = 400;
  std::string message;
};

// Checks what Beast's parser leaves to the server: the HTTP version (505
// unless 1.0 or 1.1), a Host on HTTP/1.1, and transfer codings other than
// chunked (501). Beast itself refuses conflicting or unparsable
// Content-Length and Content-Length with Transfer-Encoding.
std::optional<Rejection> checkFraming(const boost::beast::http::request_header<>& head);

// The answer for what the parser refused: 431 for a head over the bound,
// 413 for a body over it, 505 for a well-formed request line naming another
// HTTP version (Beast refuses those as malformed), 400 otherwise. `received`
// is what the connection holds of the request, its line first.
Rejection parseRejection(const boost::system::error_code& error, std::string_view received = {});

// The whole answer on the wire, with Connection: close.
std::string rejectionWire(const Rejection& rejection);

}  // namespace paynext::core::transport
