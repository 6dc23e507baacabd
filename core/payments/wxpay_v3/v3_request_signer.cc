#include "core/payments/wxpay_v3/v3_request_signer.h"

#include <chrono>

#include "core/crypto/digest.h"
#include "core/payments/wxpay_v3/v3_rsa_signature.h"

namespace paynext::core::payments::wxpay_v3 {

std::string requestSignMessage(const std::string& method, const std::string& urlPathWithQuery, std::int64_t timestamp,
                               const std::string& nonce, const std::string& body) {
  return method + '\n' + urlPathWithQuery + '\n' + std::to_string(timestamp) + '\n' + nonce + '\n' + body + '\n';
}

V3RequestSigner::V3RequestSigner(std::string mchId, std::string serialNo, Poco::Crypto::RSAKey privateKey)
    : mchId_(std::move(mchId)), serialNo_(std::move(serialNo)), privateKey_(std::move(privateKey)) {}

std::string V3RequestSigner::authorization(const std::string& method, const std::string& urlPathWithQuery,
                                           const std::string& body) const {
  return authorization(method, urlPathWithQuery, body, nowEpochSeconds(), newNonce());
}

std::string V3RequestSigner::authorization(const std::string& method, const std::string& urlPathWithQuery,
                                           const std::string& body, std::int64_t timestamp,
                                           const std::string& nonce) const {
  const std::string signature =
      signSha256WithRsa(privateKey_, requestSignMessage(method, urlPathWithQuery, timestamp, nonce, body));
  // Field order and quoting as in the official example; WeChat accepts any order, but
  // a fixed one keeps the header comparable in tests and logs.
  return "WECHATPAY2-SHA256-RSA2048 mchid=\"" + mchId_ + "\",nonce_str=\"" + nonce + "\",signature=\"" + signature +
         "\",timestamp=\"" + std::to_string(timestamp) + "\",serial_no=\"" + serialNo_ + "\"";
}

std::string newNonce() { return crypto::toUpper(crypto::randomHex(16)); }

std::int64_t nowEpochSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace paynext::core::payments::wxpay_v3
