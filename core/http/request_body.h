#pragma once
#include <cstddef>
#include <stdexcept>
#include <string>

#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/URI.h>

namespace paynext::core::http {

struct BodyLimits {
  std::size_t maxBytes = 64 * 1024;
  int maxJsonDepth = 16;
};

// A request the server will not read; status is the HTTP status to answer.
class BadRequest : public std::runtime_error {
 public:
  BadRequest(int status, const std::string& message) : std::runtime_error(message), status_(status) {}
  int status() const { return status_; }

 private:
  int status_;
};

// The query string's parameters, decoded; a bad percent-escape is a
// BadRequest (400), never an escaping Poco exception.
Poco::URI::QueryParameters queryParameters(const std::string& uri);

// Reads the body, refusing more than limits.maxBytes before reading it all.
std::string readBody(Poco::Net::HTTPServerRequest& request, const BodyLimits& limits);

// Query string, form body and JSON body merged into one object (form and
// query values are strings, JSON values keep their types). Every name and
// text in it must be UTF-8: anything else is refused naming the field, before
// a handler can store it.
Poco::JSON::Object::Ptr requestParams(Poco::Net::HTTPServerRequest& request, const std::string& body,
                                      const BodyLimits& limits);
// The same from the request's URI and Content-Type (what the request version
// reads), so the parsing can be tested and fuzzed without a server.
Poco::JSON::Object::Ptr requestParams(const std::string& uri, const std::string& contentType,
                                      const std::string& body, const BodyLimits& limits);

// A JSON object body (admin API), its texts UTF-8; throws BadRequest for
// anything else.
Poco::JSON::Object::Ptr parseJsonObject(const std::string& body, const BodyLimits& limits);

}  // namespace paynext::core::http
