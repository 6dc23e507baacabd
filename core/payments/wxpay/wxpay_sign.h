#pragma once
// WeChat Pay API v2 signatures (MD5 and HMAC-SHA256), as the official
// "安全规范" defines them.
#include <map>
#include <optional>
#include <string>

namespace paynext::core::payments::wxpay {

enum class SignType { Md5, HmacSha256 };

// "MD5" / "HMAC-SHA256", exactly as they appear in the sign_type field.
std::optional<SignType> parseSignType(const std::string& name);
std::string signTypeName(SignType type);

// A flat v2 message: field name to value. std::map keeps the keys in the
// ASCII order the signature needs.
using Fields = std::map<std::string, std::string>;

// "k1=v1&k2=v2..." over the fields sorted by key, without empty values and
// without the `sign` field itself.
std::string signPayload(const Fields& fields);

// Upper-case hex of MD5(payload&key=apiKey) or HMAC-SHA256 keyed by apiKey.
std::string sign(const Fields& fields, const std::string& apiKey, SignType type);

// Whether fields["sign"] is the signature of the other fields (constant time).
bool verify(const Fields& fields, const std::string& apiKey, SignType type);

// The sign type a received message claims: its sign_type field, MD5 when it
// has none; nullopt for a sign_type we do not know (refuse the message).
std::optional<SignType> notificationSignType(const Fields& fields);

}  // namespace paynext::core::payments::wxpay
