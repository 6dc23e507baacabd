#pragma once
#include <string>

#include <Poco/JSON/Object.h>

namespace paynext::plugins::campus {

// A factory's campus-card project (one row per factory), shown by SearchPayPackages.
struct Settings {
  std::string projectName;
  std::string projectDescription;
  int selectType = 0;  // 0 single choice, 1 several packages at once
  std::string qrCode;
  std::string protocolUrl;
  std::string wxAccount;
  std::string alipayAccount;
  std::string unionPayAccount;
  // alipay_wap: where the browser goes once paid (Alipay's return_url) and
  // when the user leaves the cashier (quit_url); shown in charge.extra.
  std::string successUrl;
  std::string cancelUrl;
};

constexpr int kSingleChoice = 0;
constexpr int kMultipleChoice = 1;

// The admin API's JSON, with the document's field names.
Poco::JSON::Object::Ptr toJson(const Settings& settings);
// Reads and checks the admin's JSON; throws sdk::ParamError naming the field.
Settings settingsFromJson(const Poco::JSON::Object& json);

}  // namespace paynext::plugins::campus
