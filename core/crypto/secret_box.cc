#include "core/crypto/secret_box.h"

#include <memory>
#include <sstream>

#include <openssl/evp.h>
#include <openssl/rand.h>
#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>

#include "core/crypto/digest.h"

namespace paynext::core::crypto {

namespace {

constexpr const char* kPrefix = "enc:v1:";
constexpr std::size_t kNonce = 12, kTag = 16, kKey = 32;

std::string base64Decode(const std::string& text) {
  std::istringstream in(text);
  Poco::Base64Decoder decoder(in);
  std::string out;
  char c;
  while (decoder.get(c)) out.push_back(c);
  return out;
}

std::string base64Encode(const std::string& bytes) {
  std::ostringstream out;
  Poco::Base64Encoder encoder(out);
  encoder.rdbuf()->setLineLength(0);
  encoder << bytes;
  encoder.close();
  return out.str();
}

using Context = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

const unsigned char* bytesOf(const std::string& s) { return reinterpret_cast<const unsigned char*>(s.data()); }

}  // namespace

SecretBox::SecretBox(const std::vector<std::string>& keysBase64) {
  for (const auto& text : keysBase64) {
    std::string bytes;
    try {
      bytes = base64Decode(text);
    } catch (const std::exception&) {
      bytes.clear();
    }
    if (bytes.size() != kKey) throw std::invalid_argument("a secrets key must be base64 of 32 bytes");
    keys_.push_back({sha256Hex(bytes).substr(0, 8), bytes});
  }
}

bool SecretBox::sealed(const std::string& stored) { return stored.rfind(kPrefix, 0) == 0; }

std::string SecretBox::seal(const std::string& plaintext) const {
  if (keys_.empty()) return plaintext;
  const Key& key = keys_.front();
  std::string nonce(kNonce, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(nonce.data()), kNonce) != 1) throw SecretError("no random bytes");
  const std::string aad = kPrefix + key.id;
  Context ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
  std::string out(plaintext.size(), '\0'), tag(kTag, '\0');
  int n = 0, tail = 0;
  if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, bytesOf(key.bytes), bytesOf(nonce)) != 1 ||
      EVP_EncryptUpdate(ctx.get(), nullptr, &n, bytesOf(aad), static_cast<int>(aad.size())) != 1 ||
      EVP_EncryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &n, bytesOf(plaintext),
                        static_cast<int>(plaintext.size())) != 1 ||
      EVP_EncryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(out.data()) + n, &tail) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTag, tag.data()) != 1) {
    throw SecretError("sealing a secret failed");
  }
  return aad + ":" + base64Encode(nonce + out + tag);
}

std::string SecretBox::open(const std::string& stored) const {
  if (!sealed(stored)) return stored;
  const std::size_t idAt = std::string(kPrefix).size(), colon = stored.find(':', idAt);
  if (colon == std::string::npos) throw SecretError("a sealed secret is malformed");
  const std::string id = stored.substr(idAt, colon - idAt);
  const Key* key = nullptr;
  for (const auto& k : keys_) {
    if (k.id == id) key = &k;
  }
  if (!key) throw SecretError("a secret is sealed with key " + id + ", which is not configured (secrets.key)");
  const std::string blob = base64Decode(stored.substr(colon + 1));
  if (blob.size() < kNonce + kTag) throw SecretError("a sealed secret is malformed");
  const std::string aad = stored.substr(0, colon), nonce = blob.substr(0, kNonce);
  const std::string cipher = blob.substr(kNonce, blob.size() - kNonce - kTag);
  std::string tag = blob.substr(blob.size() - kTag), out(cipher.size(), '\0');
  Context ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
  int n = 0, tail = 0;
  if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, bytesOf(key->bytes), bytesOf(nonce)) != 1 ||
      EVP_DecryptUpdate(ctx.get(), nullptr, &n, bytesOf(aad), static_cast<int>(aad.size())) != 1 ||
      EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &n, bytesOf(cipher),
                        static_cast<int>(cipher.size())) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTag, tag.data()) != 1 ||
      EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(out.data()) + n, &tail) != 1) {
    throw SecretError("a sealed secret does not open with key " + id + ": altered, or another key");
  }
  return out;
}

bool SecretBox::current(const std::string& stored) const {
  if (keys_.empty()) return true;
  return stored.rfind(std::string(kPrefix) + keys_.front().id + ":", 0) == 0;
}

}  // namespace paynext::core::crypto
