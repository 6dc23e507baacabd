#include "hmac_signature.h"

#include <Poco/DigestEngine.h>
#include <Poco/HMACEngine.h>
#include <Poco/SHA2Engine.h>

namespace paynext::plugins::jdjingli {

namespace {

// Poco 1.11's SHA2Engine lacks the block and digest sizes HMACEngine needs.
class Sha256Engine : public Poco::SHA2Engine {
 public:
  enum { BLOCK_SIZE = 64, DIGEST_SIZE = 32 };
  Sha256Engine() : Poco::SHA2Engine(SHA_256) {}
};

}  // namespace

std::string signatureOf(const std::string& secret, const std::string& timestamp, const std::string& body) {
  Poco::HMACEngine<Sha256Engine> engine(secret);
  engine.update(timestamp);
  engine.update("\n");
  engine.update(body);
  return Poco::DigestEngine::digestToHex(engine.digest());
}

bool constantTimeEquals(const std::string& a, const std::string& b) {
  // Signatures have a fixed length: only their bytes must not leak.
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

}  // namespace paynext::plugins::jdjingli
