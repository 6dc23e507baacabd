#pragma once
#include <string>

#include <Poco/URI.h>

namespace paynext::cli {

// One admin API call at a time over plain HTTP, with the bearer token.
class AdminClient {
 public:
  // url: the server's address, e.g. http://127.0.0.1:8080 (a path prefix is
  // kept, for a server behind a proxy). Throws UsageError for anything else.
  AdminClient(const std::string& url, std::string token);

  // Sends METHOD /admin/api{path} (path already URL-encoded) with an optional
  // JSON body and returns the answer's body, empty for 204. Throws ApiError
  // with the API's message for a 4xx/5xx, ConnectionError when the server
  // cannot be reached.
  std::string call(const std::string& method, const std::string& path, const std::string& jsonBody = "") const;

 private:
  Poco::URI base_;
  std::string token_;
};

// A path segment or query value, percent-encoded.
std::string encodeSegment(const std::string& text);

}  // namespace paynext::cli
