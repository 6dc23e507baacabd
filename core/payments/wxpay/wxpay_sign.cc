#include "core/payments/wxpay/wxpay_sign.h"

#include "core/crypto/digest.h"

namespace paynext::core::payments::wxpay {

namespace {
const std::string kMd5 = "MD5";
const std::string kHmacSha256 = "HMAC-SHA256";
}  // namespace

std::optional<SignType> parseSignType(const std::string& name) {
  if (name == kMd5) return SignType::Md5;
  if (name == kHmacSha256) return SignType::HmacSha256;
  return std::nullopt;
}

std::string signTypeName(SignType type) { return type == SignType::Md5 ? kMd5 : kHmacSha256; }

std::string signPayload(const Fields& fields) {
  std::string payload;
  for (const auto& [key, value] : fields) {
    if (value.empty() || key == "sign") continue;
    if (!payload.empty()) payload += '&';
    payload += key;
    payload += '=';
    payload += value;
  }
  return payload;
}

std::string sign(const Fields& fields, const std::string& apiKey, SignType type) {
  const std::string data = signPayload(fields) + "&key=" + apiKey;
  return crypto::toUpper(type == SignType::Md5 ? crypto::md5Hex(data) : crypto::hmacSha256Hex(apiKey, data));
}

bool verify(const Fields& fields, const std::string& apiKey, SignType type) {
  const auto it = fields.find("sign");
  if (it == fields.end() || it->second.empty()) return false;
  return crypto::constantTimeEquals(sign(fields, apiKey, type), it->second);
}

std::optional<SignType> notificationSignType(const Fields& fields) {
  const auto it = fields.find("sign_type");
  if (it == fields.end() || it->second.empty()) return SignType::Md5;
  return parseSignType(it->second);
}

}  // namespace paynext::core::payments::wxpay
