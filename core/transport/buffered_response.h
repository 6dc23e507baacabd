#pragma once
#include <sstream>
#include <string>

#include <Poco/Net/HTTPServerResponse.h>

namespace paynext::core::transport {

// The answer a route handler writes, kept in memory until it is complete so
// that the connection layer sends it without holding a worker thread: always
// with Content-Length, never chunked.
class BufferedResponse : public Poco::Net::HTTPServerResponse {
 public:
  BufferedResponse();

  void sendContinue() override {}  // the connection layer answers Expect: 100-continue itself
  std::ostream& send() override;
  void sendFile(const std::string& path, const std::string& mediaType) override;
  void sendBuffer(const void* buffer, std::size_t length) override;
  void redirect(const std::string& uri, HTTPStatus status = HTTP_FOUND) override;
  void requireAuthentication(const std::string& realm) override;
  bool sent() const override { return sent_; }

  // Status line, headers and body as sent; the body left out for HEAD.
  std::string wire(bool keepAlive, bool headRequest);

 private:
  std::ostringstream body_;
  bool sent_ = false;
};

}  // namespace paynext::core::transport
