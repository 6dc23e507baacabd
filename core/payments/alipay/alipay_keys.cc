#include "core/payments/alipay/alipay_keys.h"

#include <initializer_list>
#include <sstream>
#include <vector>

#include <Poco/Exception.h>
#include <Poco/String.h>
#include <openssl/err.h>

namespace paynext::core::payments::alipay {

namespace {

const std::string kPrivateKeyError =
    "private key: not an unencrypted RSA private key in PKCS#1 or PKCS#8 PEM, nor the base64 body of one";
const std::string kPublicKeyError =
    "public key: not an RSA public key in PEM (BEGIN PUBLIC KEY), nor the base64 body of one";

bool isBase64Body(const std::string& text) {
  if (text.empty()) return false;
  for (char c : text) {
    const bool ok =
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=';
    if (!ok) return false;
  }
  return true;
}

// The console shows the DER as one base64 line; OpenSSL wants PEM armour with
// lines of at most 64 characters.
std::string armour(const std::string& body, const std::string& label) {
  std::string pem = "-----BEGIN " + label + "-----\n";
  for (std::size_t i = 0; i < body.size(); i += 64) pem += body.substr(i, 64) + "\n";
  return pem + "-----END " + label + "-----\n";
}

// The PEM texts to try: the text itself when armoured, else its body wrapped
// in each label the key may have been exported with.
std::vector<std::string> candidates(const std::string& text, std::initializer_list<const char*> labels) {
  const std::string trimmed = Poco::trim(text);
  if (trimmed.find("-----BEGIN ") != std::string::npos) return {trimmed + "\n"};
  std::string body;
  for (char c : trimmed) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') body += c;
  }
  if (!isBase64Body(body)) return {};
  std::vector<std::string> pems;
  for (const char* label : labels) pems.push_back(armour(body, label));
  return pems;
}

template <typename Load>
Poco::Crypto::RSAKey loadFirst(const std::vector<std::string>& pems, const std::string& error, Load load) {
  for (const auto& pem : pems) {
    try {
      std::istringstream in(pem);
      return load(in);
    } catch (const Poco::Exception&) {
      // A failed PEM read leaves OpenSSL errors queued on this thread, where a
      // later TLS call could mistake them for its own.
      ERR_clear_error();
    }
  }
  throw AlipayError(error);
}

}  // namespace

Poco::Crypto::RSAKey loadPrivateKey(const std::string& text) {
  if (text.find("ENCRYPTED") != std::string::npos) throw AlipayError(kPrivateKeyError);
  // PKCS#8 first: the Alipay key tool's default ("Java") export.
  return loadFirst(candidates(text, {"PRIVATE KEY", "RSA PRIVATE KEY"}), kPrivateKeyError,
                   [](std::istream& in) { return Poco::Crypto::RSAKey(nullptr, &in); });
}

Poco::Crypto::RSAKey loadPublicKey(const std::string& text) {
  return loadFirst(candidates(text, {"PUBLIC KEY"}), kPublicKeyError,
                   [](std::istream& in) { return Poco::Crypto::RSAKey(&in, nullptr); });
}

}  // namespace paynext::core::payments::alipay
