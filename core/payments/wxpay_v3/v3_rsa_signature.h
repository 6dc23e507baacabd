#pragma once
// SHA256withRSA (RSASSA-PKCS1-v1_5 over SHA-256), the one signature of API
// v3: requests, answers, notifications and client pay parameters all use it.
#include <string>

#include <Poco/Crypto/RSAKey.h>

namespace paynext::core::payments::wxpay_v3 {

// Base64 signature of message. Throws WxpayV3Error when the key cannot sign.
std::string signSha256WithRsa(const Poco::Crypto::RSAKey& privateKey, const std::string& message);

// Whether signatureBase64 is a signature of message by publicKey; false for
// anything that is not canonical base64 too.
bool verifySha256WithRsa(const Poco::Crypto::RSAKey& publicKey, const std::string& message,
                         const std::string& signatureBase64);

}  // namespace paynext::core::payments::wxpay_v3
