#pragma once
// The RSA keys of 支付宝开放平台 "公钥模式": the merchant's application
// private key and Alipay's public key, as configuration carries them.
#include <string>

#include <Poco/Crypto/RSAKey.h>

#include "core/payments/alipay/alipay_error.h"

namespace paynext::core::payments::alipay {

// A private key in PEM, PKCS#1 ("BEGIN RSA PRIVATE KEY") or PKCS#8 ("BEGIN
// PRIVATE KEY"), or the bare one-line base64 body the Alipay key tool prints
// (either format). Encrypted keys are refused (OpenSSL would prompt on the
// terminal for a pass phrase). Throws AlipayError, whose message never
// contains the text given.
Poco::Crypto::RSAKey loadPrivateKey(const std::string& text);

// A public key in PEM ("BEGIN PUBLIC KEY", X.509 SubjectPublicKeyInfo) or the
// bare one-line base64 body the Alipay console shows. Throws AlipayError.
Poco::Crypto::RSAKey loadPublicKey(const std::string& text);

}  // namespace paynext::core::payments::alipay
