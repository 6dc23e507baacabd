#pragma once
// Throwaway RSA 2048 keys for the API v3 tests, generated once per run, and
// an independent SHA256withRSA check done with OpenSSL rather than Poco.
#include <string>

#include <Poco/Crypto/RSAKey.h>

namespace paynext::core::payments::wxpay_v3::testing {

// Two unrelated key pairs: the merchant's and WeChat's platform key.
const Poco::Crypto::RSAKey& merchantKey();
const Poco::Crypto::RSAKey& platformKey();

std::string privatePemPkcs1(const Poco::Crypto::RSAKey& key);  // BEGIN RSA PRIVATE KEY
std::string privatePemPkcs8(const Poco::Crypto::RSAKey& key);  // BEGIN PRIVATE KEY
std::string publicPem(const Poco::Crypto::RSAKey& key);        // BEGIN PUBLIC KEY

// A self-signed certificate for key with the given hex serial number.
std::string certificatePem(const Poco::Crypto::RSAKey& key, const std::string& serialHex);

// Whether signatureBase64 is a SHA256withRSA signature of message by the
// key in publicKeyPem, checked with OpenSSL's EVP_DigestVerify.
bool opensslVerifiesSha256WithRsa(const std::string& publicKeyPem, const std::string& message,
                                  const std::string& signatureBase64);

}  // namespace paynext::core::payments::wxpay_v3::testing
