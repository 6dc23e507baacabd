#pragma once
#include <string>

#include <Poco/URI.h>

namespace paynext::cli {

// One admin API call at a time over HTTP or HTTPS, with the bearer token.
// HTTPS verifies the server's certificate and host name against the system
// store plus caFile, with the server's own gateway TLS settings (core/net).
class AdminClient {
 public:
  // url: the server's address, e.g. http://127.0.0.1:8080 or https://host
  // (a path prefix is kept, for a server behind a proxy). Throws UsageError
  // for anything else or an unreadable caFile.
  AdminClient(const std::string& url, std::string token, const std::string& caFile = "");

  // Sends METHOD /admin/api{path} (path already URL-encoded) with an optional
  // JSON body and returns the answer's body, empty for 204. Throws ApiError
  // with the API's message for a 4xx/5xx, ConnectionError when the server
  // cannot be reached or its certificate is not trusted.
  std::string call(const std::string& method, const std::string& path, const std::string& jsonBody = "") const;

 private:
  Poco::URI base_;
  std::string token_;
};

// A path segment or query value, percent-encoded.
std::string encodeSegment(const std::string& text);

}  // namespace paynext::cli
