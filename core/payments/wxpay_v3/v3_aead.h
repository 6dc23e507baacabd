#pragma once
// AEAD_AES_256_GCM as API v3 uses it for the `resource` of notifications
// (and for downloaded platform certificates): AES-256-GCM keyed by the
// merchant's 32-byte APIv3 key, a 12-character nonce, the associated_data
// string as AAD, and base64(ciphertext || 16-byte tag).
#include <string>

namespace paynext::core::payments::wxpay_v3 {

inline constexpr const char* kAeadAes256Gcm = "AEAD_AES_256_GCM";

// The plaintext of ciphertextBase64. Throws WxpayV3Error when the key is not
// 32 bytes, the nonce not 12, the ciphertext not base64 or shorter than the
// tag, and when authentication fails (wrong key, nonce or associated data,
// tampered ciphertext) -- the last without saying which, as GCM cannot tell.
std::string aeadAes256GcmDecrypt(const std::string& apiV3Key, const std::string& nonce,
                                 const std::string& associatedData, const std::string& ciphertextBase64);

// base64(ciphertext || tag) of plaintext; the inverse of the above, for the
// gateway simulator and tests. Same key and nonce checks. A nonce must never
// be reused with the same key.
std::string aeadAes256GcmEncrypt(const std::string& apiV3Key, const std::string& nonce,
                                 const std::string& associatedData, const std::string& plaintext);

}  // namespace paynext::core::payments::wxpay_v3
