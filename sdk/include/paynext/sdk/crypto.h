#pragma once
// Hashes, MACs and random tokens for modules that sign or are signed by a
// partner (and for paynextd itself, which uses these same functions), on
// Poco::Foundation's engines, as lower-case hex.
#include <cstddef>
#include <string>

#include <Poco/DigestEngine.h>
#include <Poco/HMACEngine.h>
#include <Poco/RandomStream.h>
#include <Poco/SHA2Engine.h>

namespace paynext::sdk::crypto {

// Poco 1.11's SHA2Engine lacks the block and digest sizes HMACEngine needs.
class Sha256Engine : public Poco::SHA2Engine {
 public:
  enum { BLOCK_SIZE = 64, DIGEST_SIZE = 32 };
  Sha256Engine() : Poco::SHA2Engine(SHA_256) {}
};

inline std::string sha256Hex(const std::string& data) {
  Sha256Engine engine;
  engine.update(data);
  return Poco::DigestEngine::digestToHex(engine.digest());
}

inline std::string hmacSha256Hex(const std::string& key, const std::string& data) {
  Poco::HMACEngine<Sha256Engine> engine(key);
  engine.update(data);
  return Poco::DigestEngine::digestToHex(engine.digest());
}

// The 32 bytes themselves, for a format that wants base64 or raw bytes.
inline std::string hmacSha256Raw(const std::string& key, const std::string& data) {
  Poco::HMACEngine<Sha256Engine> engine(key);
  engine.update(data);
  const auto& d = engine.digest();
  return std::string(d.begin(), d.end());
}

// Cryptographically random bytes as hex (2 * bytes characters): tokens,
// nonces, anything a caller must not guess.
inline std::string randomHex(std::size_t bytes) {
  std::string raw(bytes, '\0');
  Poco::RandomInputStream().read(raw.data(), static_cast<std::streamsize>(bytes));
  return Poco::DigestEngine::digestToHex(Poco::DigestEngine::Digest(raw.begin(), raw.end()));
}

// Equal without leaking through timing where they differ, for signatures and
// hashes (their length is no secret: it is fixed).
inline bool constantTimeEquals(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

}  // namespace paynext::sdk::crypto
