#pragma once
#include <cstdint>
#include <string>

#include <Poco/JSON/Object.h>

namespace paynext::plugins::campus {

// The campus card of one paynext user (支付人): kept by the factory's admin.
struct CardHolder {
  std::int64_t userId = 0;
  std::string empName;
  std::string photo;
  std::string cardNo;
  std::string imei;  // 智慧校园卡卡号
  std::string sim;
  std::string gradeName;
  std::string className;
  std::string mobile;  // 开通短信套餐的手机号
};

Poco::JSON::Object::Ptr toJson(const CardHolder& holder);
// Reads and checks the admin's JSON; throws sdk::ParamError naming the field.
CardHolder cardHolderFromJson(const Poco::JSON::Object& json);

}  // namespace paynext::plugins::campus
