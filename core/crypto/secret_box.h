#pragma once
#include <stdexcept>
#include <string>
#include <vector>

namespace paynext::core::crypto {

// A stored secret that cannot be opened: unknown key, or altered.
class SecretError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Seals secrets for storage with AES-256-GCM (OpenSSL): a fresh 12-byte
// nonce per value, the key's id authenticated with it, stored as
// "enc:v1:<key id>:<base64 of nonce, ciphertext and tag>". The first key
// seals; every key opens, so a rotated-out key still reads what it sealed
// until start-up reseals it. Without keys values are kept as they are.
class SecretBox {
 public:
  // Keys as base64 of 32 bytes; throws std::invalid_argument for any other.
  explicit SecretBox(const std::vector<std::string>& keysBase64 = {});

  bool enabled() const { return !keys_.empty(); }
  std::string seal(const std::string& plaintext) const;
  // A value not sealed ("{...}" from before a key was set) is returned as it is.
  std::string open(const std::string& stored) const;
  // True when stored needs no resealing: sealed with the current key, or no key.
  bool current(const std::string& stored) const;

  static bool sealed(const std::string& stored);

 private:
  struct Key {
    std::string id;     // 8 hex digits of the key's SHA-256
    std::string bytes;  // 32
  };
  std::vector<Key> keys_;
};

}  // namespace paynext::core::crypto
