#pragma once
// RSA2 signatures of 支付宝开放平台 (SHA256withRSA, base64), and the text
// they are computed over, as "签名 / 验签" of the open platform defines them.
#include <map>
#include <string>

#include <Poco/Crypto/RSAKey.h>

namespace paynext::core::payments::alipay {

// A flat Alipay message: parameter name to raw (not URL-encoded) value.
// std::map keeps the keys in the ASCII order the sign content needs.
using Params = std::map<std::string, std::string>;

// What the content is for. A request is signed over every parameter but
// `sign`; an async notification is verified over every parameter but `sign`
// and `sign_type` (the only difference between the two rules).
enum class Purpose { Request, Notify };

// "k1=v1&k2=v2..." over the params sorted by key, without empty values and
// without the excluded keys. Values are raw: neither URL-encoded nor escaped.
std::string signContent(const Params& params, Purpose purpose = Purpose::Request);

// base64 (one line, padded) of the SHA256withRSA (PKCS#1 v1.5) signature of
// content. The key must hold the private half.
std::string rsa2Sign(const std::string& content, const Poco::Crypto::RSAKey& privateKey);

// Whether signatureBase64 is the RSA2 signature of content. Malformed base64
// is simply a wrong signature.
bool rsa2Verify(const std::string& content, const std::string& signatureBase64, const Poco::Crypto::RSAKey& publicKey);

}  // namespace paynext::core::payments::alipay
