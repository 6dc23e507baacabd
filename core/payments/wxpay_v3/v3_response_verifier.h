#pragma once
// Checking WeChat's signature on API v3 answers and notifications ("验证签名"):
// the platform signs "TIMESTAMP\nNONCE\nBODY\n" with the key whose serial it
// names in Wechatpay-Serial.
#include <cstdint>
#include <map>
#include <string>

#include <Poco/Crypto/RSAKey.h>
#include <Poco/Net/NameValueCollection.h>

namespace paynext::core::payments::wxpay_v3 {

// What a signed answer or notification carries: its Wechatpay-* headers,
// verbatim, and its body exactly as received.
struct V3SignedMessage {
  std::string timestamp;  // Wechatpay-Timestamp
  std::string nonce;      // Wechatpay-Nonce
  std::string signature;  // Wechatpay-Signature, base64
  std::string serial;     // Wechatpay-Serial
  std::string body;
};

// Picks the four headers out of an HTTPResponse or HTTPServerRequest (header
// names are case-insensitive); missing ones stay empty.
V3SignedMessage signedMessageFrom(const Poco::Net::NameValueCollection& headers, std::string body);

// "TIMESTAMP\nNONCE\nBODY\n", the timestamp as the header spelled it.
std::string responseSignMessage(const std::string& timestamp, const std::string& nonce, const std::string& body);

// Verifies against the configured platform key(s). Several keys may be
// configured while WeChat rotates its certificates. Immutable; safe to use
// from several threads.
class V3ResponseVerifier {
 public:
  static constexpr std::int64_t kDefaultReplayWindowSeconds = 300;

  V3ResponseVerifier(std::string platformSerial, Poco::Crypto::RSAKey platformKey,
                     std::int64_t replayWindowSeconds = kDefaultReplayWindowSeconds);
  // Keyed by serial. Throws WxpayV3Error when empty.
  explicit V3ResponseVerifier(std::map<std::string, Poco::Crypto::RSAKey> platformKeys,
                              std::int64_t replayWindowSeconds = kDefaultReplayWindowSeconds);

  // Throws WxpayV3Error, checking in this order: a header is missing; the
  // serial is not configured; the timestamp is not a number; it is more than
  // the replay window off nowEpochSeconds (either way); the signature does
  // not verify.
  void verify(const V3SignedMessage& message, std::int64_t nowEpochSeconds) const;
  void verify(const V3SignedMessage& message) const;  // against the system clock

 private:
  std::map<std::string, Poco::Crypto::RSAKey> platformKeys_;
  std::int64_t replayWindowSeconds_;
};

}  // namespace paynext::core::payments::wxpay_v3
