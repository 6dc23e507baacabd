#include "core/crypto/digest.h"

#include <Poco/DigestEngine.h>
#include <Poco/HMACEngine.h>
#include <Poco/MD5Engine.h>
#include <Poco/PBKDF2Engine.h>
#include <Poco/RandomStream.h>
#include <Poco/SHA2Engine.h>
#include <Poco/String.h>

namespace paynext::core::crypto {
namespace {

// Poco's SHA2Engine lacks the block and digest sizes HMACEngine needs.
class Sha256Engine : public Poco::SHA2Engine {
 public:
  enum { BLOCK_SIZE = 64, DIGEST_SIZE = 32 };
  Sha256Engine() : Poco::SHA2Engine(SHA_256) {}
};

std::string hexOf(Poco::DigestEngine& engine, const std::string& data) {
  engine.update(data);
  return Poco::DigestEngine::digestToHex(engine.digest());
}

}  // namespace

std::string md5Hex(const std::string& data) {
  Poco::MD5Engine engine;
  return hexOf(engine, data);
}

std::string sha256Hex(const std::string& data) {
  Sha256Engine engine;
  return hexOf(engine, data);
}

std::string hmacSha256Hex(const std::string& key, const std::string& data) {
  Poco::HMACEngine<Sha256Engine> engine(key);
  return hexOf(engine, data);
}

std::string hmacSha256Raw(const std::string& key, const std::string& data) {
  Poco::HMACEngine<Sha256Engine> engine(key);
  engine.update(data);
  const auto& d = engine.digest();
  return std::string(d.begin(), d.end());
}

std::string toUpper(std::string hex) { return Poco::toUpper(hex); }

std::string pbkdf2Sha256Hex(const std::string& password, const std::string& salt, unsigned iterations) {
  Poco::PBKDF2Engine<Poco::HMACEngine<Sha256Engine>> engine(salt, iterations, 32);
  return hexOf(engine, password);
}

std::string randomHex(std::size_t bytes) {
  std::string raw(bytes, '\0');
  Poco::RandomInputStream().read(raw.data(), static_cast<std::streamsize>(bytes));
  return Poco::DigestEngine::digestToHex(Poco::DigestEngine::Digest(raw.begin(), raw.end()));
}

bool constantTimeEquals(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

}  // namespace paynext::core::crypto
