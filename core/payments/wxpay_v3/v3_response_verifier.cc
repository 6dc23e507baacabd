#include "core/payments/wxpay_v3/v3_response_verifier.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include <Poco/NumberParser.h>

#include "core/payments/wxpay_v3/v3_error.h"
#include "core/payments/wxpay_v3/v3_request_signer.h"
#include "core/payments/wxpay_v3/v3_rsa_signature.h"

namespace paynext::core::payments::wxpay_v3 {

namespace {

const std::string kTimestamp = "Wechatpay-Timestamp";
const std::string kNonce = "Wechatpay-Nonce";
const std::string kSignature = "Wechatpay-Signature";
const std::string kSerial = "Wechatpay-Serial";

// The serial comes from the network: quote it only when it looks like one.
std::string printableSerial(const std::string& serial) {
  const bool plain = serial.size() <= 64 && std::all_of(serial.begin(), serial.end(), [](unsigned char c) {
                       return std::isalnum(c) || c == '_' || c == '-';
                     });
  return plain ? "'" + serial + "'" : "(malformed)";
}

bool isDecimal(const std::string& text) {
  return !text.empty() && text.size() <= 18 &&
         std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
}

}  // namespace

V3SignedMessage signedMessageFrom(const Poco::Net::NameValueCollection& headers, std::string body) {
  return V3SignedMessage{headers.get(kTimestamp, ""), headers.get(kNonce, ""), headers.get(kSignature, ""),
                         headers.get(kSerial, ""), std::move(body)};
}

std::string responseSignMessage(const std::string& timestamp, const std::string& nonce, const std::string& body) {
  return timestamp + '\n' + nonce + '\n' + body + '\n';
}

V3ResponseVerifier::V3ResponseVerifier(std::string platformSerial, Poco::Crypto::RSAKey platformKey,
                                       std::int64_t replayWindowSeconds)
    : replayWindowSeconds_(replayWindowSeconds) {
  if (platformSerial.empty()) throw WxpayV3Error("platform serial is empty");
  platformKeys_.emplace(std::move(platformSerial), std::move(platformKey));
}

V3ResponseVerifier::V3ResponseVerifier(std::map<std::string, Poco::Crypto::RSAKey> platformKeys,
                                       std::int64_t replayWindowSeconds)
    : platformKeys_(std::move(platformKeys)), replayWindowSeconds_(replayWindowSeconds) {
  if (platformKeys_.empty()) throw WxpayV3Error("no platform key configured");
}

void V3ResponseVerifier::verify(const V3SignedMessage& message) const { verify(message, nowEpochSeconds()); }

void V3ResponseVerifier::verify(const V3SignedMessage& message, std::int64_t nowEpochSeconds) const {
  for (const auto& [name, value] : {std::pair{&kSerial, &message.serial}, std::pair{&kTimestamp, &message.timestamp},
                                    std::pair{&kNonce, &message.nonce}, std::pair{&kSignature, &message.signature}}) {
    if (value->empty()) throw WxpayV3Error("missing " + *name + " header");
  }
  const auto key = platformKeys_.find(message.serial);
  if (key == platformKeys_.end()) {
    throw WxpayV3Error(kSerial + " " + printableSerial(message.serial) + " is not a configured platform key");
  }
  if (!isDecimal(message.timestamp)) throw WxpayV3Error(kTimestamp + " is not a number");
  const std::int64_t skew = std::llabs(nowEpochSeconds - Poco::NumberParser::parse64(message.timestamp));
  if (skew > replayWindowSeconds_) {
    throw WxpayV3Error(kTimestamp + " is " + std::to_string(skew) + " seconds off the local clock (more than " +
                       std::to_string(replayWindowSeconds_) + ")");
  }
  if (!verifySha256WithRsa(key->second, responseSignMessage(message.timestamp, message.nonce, message.body),
                           message.signature)) {
    throw WxpayV3Error(kSignature + " does not verify");
  }
}

}  // namespace paynext::core::payments::wxpay_v3
