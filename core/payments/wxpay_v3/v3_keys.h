#pragma once
// Loading the RSA keys of API v3 from PEM text (configuration holds PEM, not
// file names). Every failure is a WxpayV3Error whose message names the key
// but never quotes it.
#include <string>

#include <Poco/Crypto/RSAKey.h>

namespace paynext::core::payments::wxpay_v3 {

// The merchant's API certificate private key (apiclient_key.pem): PKCS#8
// "BEGIN PRIVATE KEY" as WeChat issues it, or PKCS#1 "BEGIN RSA PRIVATE
// KEY". Encrypted keys are refused: OpenSSL would prompt on the terminal.
Poco::Crypto::RSAKey loadMerchantPrivateKey(const std::string& pem);

// The key WeChat signs with: a public key PEM ("BEGIN PUBLIC KEY" or "BEGIN
// RSA PUBLIC KEY", the newer 微信支付公钥) or a platform certificate PEM
// ("BEGIN CERTIFICATE"). The certificate's dates are not checked.
Poco::Crypto::RSAKey loadPlatformPublicKey(const std::string& pem);

// Upper-case hex serial number of a certificate PEM: the serial_no of the
// merchant certificate, the Wechatpay-Serial of a platform certificate.
std::string certificateSerialNo(const std::string& certificatePem);

}  // namespace paynext::core::payments::wxpay_v3
