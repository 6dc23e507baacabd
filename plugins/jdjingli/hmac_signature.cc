#include "hmac_signature.h"

#include "paynext/sdk/crypto.h"

namespace paynext::plugins::jdjingli {

std::string signatureOf(const std::string& secret, const std::string& timestamp, const std::string& body) {
  return sdk::crypto::hmacSha256Hex(secret, timestamp + "\n" + body);
}

}  // namespace paynext::plugins::jdjingli
