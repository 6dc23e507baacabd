#include "core/payments/wxpay_v3/v3_keys.h"

#include <exception>
#include <sstream>

#include <Poco/Crypto/X509Certificate.h>

#include "core/payments/wxpay_v3/v3_error.h"

namespace paynext::core::payments::wxpay_v3 {

namespace {

bool contains(const std::string& text, const char* what) { return text.find(what) != std::string::npos; }

// Poco's and OpenSSL's messages are dropped on purpose: they may echo input.
Poco::Crypto::X509Certificate parseCertificate(const std::string& pem, const std::string& what) {
  if (!contains(pem, "-----BEGIN CERTIFICATE-----")) throw WxpayV3Error(what + " is not a PEM certificate");
  try {
    std::istringstream in(pem);
    return Poco::Crypto::X509Certificate(in);
  } catch (const std::exception&) {
    throw WxpayV3Error(what + " is not a valid X.509 certificate");
  }
}

}  // namespace

Poco::Crypto::RSAKey loadMerchantPrivateKey(const std::string& pem) {
  const std::string what = "merchant private key";
  if (contains(pem, "-----BEGIN ENCRYPTED PRIVATE KEY-----") || contains(pem, "Proc-Type: 4,ENCRYPTED")) {
    throw WxpayV3Error(what + " is encrypted; configure it unencrypted");
  }
  if (!contains(pem, "-----BEGIN PRIVATE KEY-----") && !contains(pem, "-----BEGIN RSA PRIVATE KEY-----")) {
    throw WxpayV3Error(what + " is not a PEM private key (BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY)");
  }
  try {
    std::istringstream in(pem);
    return Poco::Crypto::RSAKey(nullptr, &in);
  } catch (const std::exception&) {
    throw WxpayV3Error(what + " is not a valid RSA private key");
  }
}

Poco::Crypto::RSAKey loadPlatformPublicKey(const std::string& pem) {
  const std::string what = "platform public key";
  if (contains(pem, "-----BEGIN CERTIFICATE-----")) {
    const auto certificate = parseCertificate(pem, "platform certificate");
    try {
      return Poco::Crypto::RSAKey(certificate);
    } catch (const std::exception&) {
      throw WxpayV3Error("platform certificate does not hold an RSA public key");
    }
  }
  if (!contains(pem, "-----BEGIN PUBLIC KEY-----") && !contains(pem, "-----BEGIN RSA PUBLIC KEY-----")) {
    throw WxpayV3Error(what + " is neither a PEM public key nor a PEM certificate");
  }
  try {
    std::istringstream in(pem);
    return Poco::Crypto::RSAKey(&in);
  } catch (const std::exception&) {
    throw WxpayV3Error(what + " is not a valid RSA public key");
  }
}

std::string certificateSerialNo(const std::string& certificatePem) {
  // Poco renders the serial as upper-case hex (BN_bn2hex), the spelling WeChat uses.
  return parseCertificate(certificatePem, "certificate").serialNumber();
}

}  // namespace paynext::core::payments::wxpay_v3
