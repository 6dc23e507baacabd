#pragma once
// Hashes and MACs used across the server, as hex strings.
#include <string>

namespace paynext::core::crypto {

std::string md5Hex(const std::string& data);  // lowercase hex
std::string sha256Hex(const std::string& data);
std::string hmacSha256Hex(const std::string& key, const std::string& data);
std::string hmacSha256Raw(const std::string& key, const std::string& data);
std::string toUpper(std::string hex);

// PBKDF2-HMAC-SHA256 as lowercase hex.
std::string pbkdf2Sha256Hex(const std::string& password, const std::string& salt, unsigned iterations);

// Cryptographically random bytes as lowercase hex (2 * bytes characters).
std::string randomHex(std::size_t bytes);

// Constant-time comparison, for signatures and password hashes.
bool constantTimeEquals(const std::string& a, const std::string& b);

}  // namespace paynext::core::crypto
