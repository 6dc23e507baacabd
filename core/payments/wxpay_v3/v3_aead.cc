#include "core/payments/wxpay_v3/v3_aead.h"

#include <memory>

#include <openssl/evp.h>

#include "core/payments/wxpay_v3/v3_base64.h"
#include "core/payments/wxpay_v3/v3_error.h"

// OpenSSL EVP directly: Poco::Crypto's Cipher does GCM with a tag but has no
// way to feed associated data.
namespace paynext::core::payments::wxpay_v3 {

namespace {

constexpr std::size_t kKeyBytes = 32;
constexpr std::size_t kNonceBytes = 12;
constexpr std::size_t kTagBytes = 16;

struct ContextFree {
  void operator()(EVP_CIPHER_CTX* context) const { EVP_CIPHER_CTX_free(context); }
};
using Context = std::unique_ptr<EVP_CIPHER_CTX, ContextFree>;

const unsigned char* bytes(const std::string& s) { return reinterpret_cast<const unsigned char*>(s.data()); }
unsigned char* bytes(std::string& s) { return reinterpret_cast<unsigned char*>(s.data()); }

void checkKeyAndNonce(const std::string& key, const std::string& nonce) {
  if (key.size() != kKeyBytes) throw WxpayV3Error("APIv3 key must be 32 bytes");
  if (nonce.size() != kNonceBytes) throw WxpayV3Error("AEAD_AES_256_GCM nonce must be 12 bytes");
}

// A GCM context with cipher, key, nonce and AAD set; encrypt or decrypt.
Context start(bool encrypt, const std::string& key, const std::string& nonce, const std::string& associatedData) {
  Context context(EVP_CIPHER_CTX_new());
  int length = 0;
  if (!context || EVP_CipherInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr, encrypt) != 1 ||
      EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(nonce.size()), nullptr) != 1 ||
      EVP_CipherInit_ex(context.get(), nullptr, nullptr, bytes(key), bytes(nonce), encrypt) != 1 ||
      EVP_CipherUpdate(context.get(), nullptr, &length, bytes(associatedData),
                       static_cast<int>(associatedData.size())) != 1) {
    throw WxpayV3Error("AEAD_AES_256_GCM is not available");
  }
  return context;
}

}  // namespace

std::string aeadAes256GcmDecrypt(const std::string& apiV3Key, const std::string& nonce,
                                 const std::string& associatedData, const std::string& ciphertextBase64) {
  checkKeyAndNonce(apiV3Key, nonce);
  const auto sealed = base64Decode(ciphertextBase64);
  if (!sealed) throw WxpayV3Error("AEAD_AES_256_GCM ciphertext is not base64");
  if (sealed->size() < kTagBytes) throw WxpayV3Error("AEAD_AES_256_GCM ciphertext is shorter than its tag");
  const std::size_t textBytes = sealed->size() - kTagBytes;
  std::string tag = sealed->substr(textBytes);

  Context context = start(false, apiV3Key, nonce, associatedData);
  std::string plaintext(textBytes, '\0');
  int length = 0;
  int tail = 0;
  const bool ok =
      EVP_CipherUpdate(context.get(), bytes(plaintext), &length, bytes(*sealed), static_cast<int>(textBytes)) == 1 &&
      EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_TAG, kTagBytes, bytes(tag)) == 1 &&
      EVP_CipherFinal_ex(context.get(), bytes(plaintext) + length, &tail) == 1;
  if (!ok) throw WxpayV3Error("AEAD_AES_256_GCM decryption failed: wrong APIv3 key or tampered resource");
  plaintext.resize(static_cast<std::size_t>(length + tail));
  return plaintext;
}

std::string aeadAes256GcmEncrypt(const std::string& apiV3Key, const std::string& nonce,
                                 const std::string& associatedData, const std::string& plaintext) {
  checkKeyAndNonce(apiV3Key, nonce);
  Context context = start(true, apiV3Key, nonce, associatedData);
  std::string sealed(plaintext.size() + kTagBytes, '\0');
  int length = 0;
  int tail = 0;
  if (EVP_CipherUpdate(context.get(), bytes(sealed), &length, bytes(plaintext), static_cast<int>(plaintext.size())) !=
          1 ||
      EVP_CipherFinal_ex(context.get(), bytes(sealed) + length, &tail) != 1 ||
      EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_GET_TAG, kTagBytes, bytes(sealed) + length + tail) != 1) {
    throw WxpayV3Error("AEAD_AES_256_GCM encryption failed");
  }
  sealed.resize(static_cast<std::size_t>(length + tail) + kTagBytes);
  return base64Encode(sealed);
}

}  // namespace paynext::core::payments::wxpay_v3
