#include "core/crypto/digest.h"

#include <Poco/DigestEngine.h>
#include <Poco/HMACEngine.h>
#include <Poco/MD5Engine.h>
#include <Poco/PBKDF2Engine.h>
#include <Poco/String.h>

// SHA-256, HMAC, random hex and the comparison are the SDK's (plugins use
// them too); this file adds what only the server needs.
#include "paynext/sdk/crypto.h"

namespace paynext::core::crypto {

namespace sdkcrypto = paynext::sdk::crypto;

std::string md5Hex(const std::string& data) {
  Poco::MD5Engine engine;
  engine.update(data);
  return Poco::DigestEngine::digestToHex(engine.digest());
}

std::string sha256Hex(const std::string& data) { return sdkcrypto::sha256Hex(data); }

std::string hmacSha256Hex(const std::string& key, const std::string& data) {
  return sdkcrypto::hmacSha256Hex(key, data);
}

std::string hmacSha256Raw(const std::string& key, const std::string& data) {
  return sdkcrypto::hmacSha256Raw(key, data);
}

std::string toUpper(std::string hex) { return Poco::toUpper(hex); }

std::string pbkdf2Sha256Hex(const std::string& password, const std::string& salt, unsigned iterations) {
  Poco::PBKDF2Engine<Poco::HMACEngine<sdkcrypto::Sha256Engine>> engine(salt, iterations, 32);
  engine.update(password);
  return Poco::DigestEngine::digestToHex(engine.digest());
}

std::string randomHex(std::size_t bytes) { return sdkcrypto::randomHex(bytes); }

bool constantTimeEquals(const std::string& a, const std::string& b) { return sdkcrypto::constantTimeEquals(a, b); }

}  // namespace paynext::core::crypto
