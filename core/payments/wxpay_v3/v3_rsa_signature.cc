#include "core/payments/wxpay_v3/v3_rsa_signature.h"

#include <exception>

#include <Poco/Crypto/RSADigestEngine.h>

#include "core/payments/wxpay_v3/v3_base64.h"
#include "core/payments/wxpay_v3/v3_error.h"

namespace paynext::core::payments::wxpay_v3 {

namespace {
const std::string kSha256 = "SHA256";
}  // namespace

std::string signSha256WithRsa(const Poco::Crypto::RSAKey& privateKey, const std::string& message) {
  try {
    Poco::Crypto::RSADigestEngine engine(privateKey, kSha256);
    engine.update(message);
    const auto& signature = engine.signature();
    return base64Encode(std::string(signature.begin(), signature.end()));
  } catch (const std::exception&) {
    throw WxpayV3Error("SHA256withRSA signing failed: the key cannot sign");
  }
}

bool verifySha256WithRsa(const Poco::Crypto::RSAKey& publicKey, const std::string& message,
                         const std::string& signatureBase64) {
  const auto signature = base64Decode(signatureBase64);
  if (!signature || signature->empty()) return false;
  try {
    Poco::Crypto::RSADigestEngine engine(publicKey, kSha256);
    engine.update(message);
    return engine.verify(Poco::DigestEngine::Digest(signature->begin(), signature->end()));
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace paynext::core::payments::wxpay_v3
