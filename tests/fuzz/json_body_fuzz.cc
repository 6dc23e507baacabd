// parseJsonObject and requestParams on a JSON body. Only BadRequest may come
// out, and what is accepted is UTF-8 throughout, as both promise.
#include <cstdint>
#include <string>

#include "core/http/request_body.h"
#include "tests/fuzz/utf8_oracle.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace http = paynext::core::http;
  const std::string body(reinterpret_cast<const char*>(data), size);
  const http::BodyLimits limits;
  try {
    paynext::fuzz::requireUtf8(http::parseJsonObject(body, limits));
  } catch (const http::BadRequest&) {
  }
  try {
    paynext::fuzz::requireUtf8(http::requestParams("/x", "application/json; charset=utf-8", body, limits));
  } catch (const http::BadRequest&) {
  }
  return 0;
}
