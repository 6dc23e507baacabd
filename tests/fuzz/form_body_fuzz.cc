// requestParams on a query string and a form body (the input split at its
// first '\n'). Only BadRequest may come out, and what is accepted is UTF-8
// throughout, as the function promises.
#include <cstdint>
#include <string>

#include "core/http/request_body.h"
#include "tests/fuzz/utf8_oracle.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace http = paynext::core::http;
  const std::string text(reinterpret_cast<const char*>(data), size);
  const std::size_t newline = text.find('\n');
  const std::string query = text.substr(0, newline);
  const std::string body = newline == std::string::npos ? std::string() : text.substr(newline + 1);
  try {
    Poco::JSON::Object::Ptr params(
        http::requestParams("/x?" + query, "application/x-www-form-urlencoded", body, http::BodyLimits()));
    paynext::fuzz::requireUtf8(params);
  } catch (const http::BadRequest&) {
  }
  return 0;
}
