#pragma once
// The merchant's request signature of API v3 ("签名生成"): every call to the
// gateway carries an Authorization header signed with the merchant key.
#include <cstdint>
#include <string>

#include <Poco/Crypto/RSAKey.h>

namespace paynext::core::payments::wxpay_v3 {

// "METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n": method upper-case as sent, URL
// the absolute path with its query ("/v3/pay/transactions/out-trade-no/x?mchid=1"),
// body empty for GET.
std::string requestSignMessage(const std::string& method, const std::string& urlPathWithQuery, std::int64_t timestamp,
                               const std::string& nonce, const std::string& body);

// One merchant's signer. Cheap to copy; safe to use from several threads.
class V3RequestSigner {
 public:
  // serialNo is the serial number of the merchant API certificate (certificateSerialNo).
  V3RequestSigner(std::string mchId, std::string serialNo, Poco::Crypto::RSAKey privateKey);

  // The Authorization header value, timestamped now with a fresh random nonce:
  // WECHATPAY2-SHA256-RSA2048 mchid="..",nonce_str="..",signature="..",timestamp="..",serial_no=".."
  std::string authorization(const std::string& method, const std::string& urlPathWithQuery,
                            const std::string& body) const;

  // The same with the timestamp (epoch seconds) and nonce given, for tests.
  std::string authorization(const std::string& method, const std::string& urlPathWithQuery, const std::string& body,
                            std::int64_t timestamp, const std::string& nonce) const;

  const std::string& mchId() const noexcept { return mchId_; }

 private:
  std::string mchId_;
  std::string serialNo_;
  Poco::Crypto::RSAKey privateKey_;
};

// A random 32-character upper-case nonce, as nonce_str and the pay
// parameters' nonceStr want one.
std::string newNonce();

// Seconds since the epoch, the timestamps of API v3.
std::int64_t nowEpochSeconds();

}  // namespace paynext::core::payments::wxpay_v3
