#pragma once
#include <string>
#include <vector>

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

namespace paynext::core::http {

// Serves the admin web console: /admin redirects to /admin/, /admin/ is its
// index.html and /admin/{file} one of the files embedded from
// core/http/console/. Nothing is read from disk; any other path is 404 and a
// dot segment (/admin/../x, also percent-encoded) is refused with 400.
class ConsoleHandler {
 public:
  // path: the request's decoded path; segments: its segments after "admin".
  void handle(const std::string& path, const std::vector<std::string>& segments,
              Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response);

  // The Content-Type for a file name, by its extension.
  static std::string contentTypeOf(const std::string& name);
};

}  // namespace paynext::core::http
