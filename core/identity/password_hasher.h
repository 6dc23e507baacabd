#pragma once
#include <string>

namespace paynext::core::identity {

// Salted, slow password hashes (PBKDF2-HMAC-SHA256), shared by app users
// and admin accounts.
class PasswordHasher {
 public:
  explicit PasswordHasher(unsigned iterations) : iterations_(iterations) {}

  struct Hashed {
    std::string hash;
    std::string salt;
  };
  Hashed hash(const std::string& password) const;
  bool verify(const std::string& password, const std::string& hash, const std::string& salt) const;

 private:
  unsigned iterations_;
};

}  // namespace paynext::core::identity
