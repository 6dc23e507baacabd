#pragma once
// The answer of an open-platform API call:
//   {"alipay_trade_query_response":{...},"sign":"..."}
// Alipay signs the exact bytes of the response node's JSON text, so that
// text is cut out of the raw body, never re-serialized.
#include <string>

#include <Poco/Crypto/RSAKey.h>
#include <Poco/JSON/Object.h>

#include "core/payments/alipay/alipay_error.h"

namespace paynext::core::payments::alipay {

struct SignedResponse {
  std::string nodeText;          // raw JSON text of the response node, as signed
  Poco::JSON::Object::Ptr node;  // the same, parsed
  std::string sign;              // empty when Alipay did not sign the answer
};

// "alipay.trade.query" -> "alipay_trade_query_response".
std::string responseNodeName(const std::string& method);

// Finds the method's response node (or Alipay's generic "error_response")
// and the sign. Throws AlipayError for a body that is not a JSON object,
// repeats a top-level key (the signed node and the parsed one could differ),
// or has no such node.
SignedResponse parseResponse(const std::string& body, const std::string& method);

// Whether sign is the RSA2 signature of nodeText. Like the official Java SDK
// it also accepts a signature over the text with "\/" unescaped to "/" (for
// answers whose slashes were escaped after signing).
bool verifyResponse(const SignedResponse& response, const Poco::Crypto::RSAKey& alipayPublicKey);

}  // namespace paynext::core::payments::alipay
