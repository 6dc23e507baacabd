#pragma once
#include <cstdint>
#include <string>

#include <Poco/JSON/Object.h>

namespace paynext::plugins::sms {

// Kinds of 短信设置: only 普通短信 may be sent by nextAction type 2; 验证码
// settings belong to the login-code flow.
inline const std::string kNormal = "normal";
inline const std::string kVerify = "verify";

// The title admins see for a kind: 普通短信 or 验证码.
std::string kindTitle(const std::string& kind);

// One SMS channel of a factory (短信设置): where and how to send.
struct SmsSetting {
  std::int64_t id = 0;
  std::string kind;  // kNormal or kVerify
  std::string providerUrl;
  std::string signName;
  std::string templateCode;
  std::int64_t createdAt = 0;  // epoch ms
};

Poco::JSON::Object::Ptr toJson(const SmsSetting& setting);

}  // namespace paynext::plugins::sms
