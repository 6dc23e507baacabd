#pragma once
#include <map>
#include <string>

#include <Poco/JSON/Object.h>

namespace paynext::testing {

struct HttpResult {
  int status = 0;
  std::string reason;  // the status line's reason phrase
  std::string body;
  std::string contentType;
  std::map<std::string, std::string> headers;
  Poco::JSON::Object::Ptr json() const;  // throws when the body is not an object
};

// Plain blocking HTTP calls to 127.0.0.1 for the tests.
class HttpClient {
 public:
  // With a CA file the client speaks HTTPS and verifies the server against it.
  explicit HttpClient(int port, std::string caFile = "") : port_(port), caFile_(std::move(caFile)) {}
  int port() const { return port_; }

  HttpResult get(const std::string& path, const std::map<std::string, std::string>& headers = {}) const;
  HttpResult postForm(const std::string& path, const std::map<std::string, std::string>& fields) const;
  HttpResult send(const std::string& method, const std::string& path, const std::string& body,
                  const std::string& contentType, const std::map<std::string, std::string>& headers = {}) const;

 private:
  int port_;
  std::string caFile_;
};

}  // namespace paynext::testing
