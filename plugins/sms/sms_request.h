#pragma once
#include <cstdint>
#include <string>

#include <Poco/JSON/Object.h>

namespace paynext::plugins::sms {

// The params of nextAction type 2, checked:
//   {type:2, smsId:111, mobile:"13500000000", postJsonString:{code:1234, product:"参数2"}}
// postJsonString may also be a string holding that object (mobile clients send
// strings). Its values become the template parameters, as strings.
struct SmsRequest {
  std::int64_t settingId = 0;
  std::string mobile;
  Poco::JSON::Object::Ptr templateParams;

  // Throws sdk::ParamError naming the field.
  static SmsRequest parse(const Poco::JSON::Object& params);

  std::string templateParamsJson() const;
};

}  // namespace paynext::plugins::sms
