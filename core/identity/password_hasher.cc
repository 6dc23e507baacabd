#include "core/identity/password_hasher.h"

#include "core/crypto/digest.h"

namespace paynext::core::identity {

PasswordHasher::Hashed PasswordHasher::hash(const std::string& password) const {
  Hashed h;
  h.salt = crypto::randomHex(16);
  h.hash = crypto::pbkdf2Sha256Hex(password, h.salt, iterations_);
  return h;
}

bool PasswordHasher::verify(const std::string& password, const std::string& hash, const std::string& salt) const {
  return crypto::constantTimeEquals(crypto::pbkdf2Sha256Hex(password, salt, iterations_), hash);
}

}  // namespace paynext::core::identity
