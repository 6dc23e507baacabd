#include "core/transport/buffered_response.h"

#include <fstream>

#include <Poco/Exception.h>
#include <Poco/Timestamp.h>

namespace paynext::core::transport {

BufferedResponse::BufferedResponse() { setVersion(HTTP_1_1); }

std::ostream& BufferedResponse::send() {
  if (sent_) throw Poco::IllegalStateException("the response has been sent");
  sent_ = true;
  return body_;
}

void BufferedResponse::sendFile(const std::string& path, const std::string& mediaType) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw Poco::OpenFileException(path);
  setContentType(mediaType);
  send() << file.rdbuf();
}

void BufferedResponse::sendBuffer(const void* buffer, std::size_t length) {
  send().write(static_cast<const char*>(buffer), static_cast<std::streamsize>(length));
}

void BufferedResponse::redirect(const std::string& uri, HTTPStatus status) {
  setStatusAndReason(status);
  set("Location", uri);
  send();
}

void BufferedResponse::requireAuthentication(const std::string& realm) {
  setStatusAndReason(HTTP_UNAUTHORIZED);
  set("WWW-Authenticate", "Basic realm=\"" + realm + "\"");
  send();
}

std::string BufferedResponse::wire(bool keepAlive, bool headRequest) {
  const std::string body = body_.str();
  setChunkedTransferEncoding(false);
  setContentLength64(static_cast<Poco::Int64>(body.size()));
  set("Connection", keepAlive ? "keep-alive" : "close");
  if (!has("Date")) setDate(Poco::Timestamp());
  std::ostringstream out;
  write(out);
  if (!headRequest) out << body;
  return out.str();
}

}  // namespace paynext::core::transport
