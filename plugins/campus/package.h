#pragma once
#include <string>
#include <vector>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "paynext/sdk/money.h"

namespace paynext::plugins::campus {

constexpr int kCardPackage = 0;  // 一卡通付费套餐
constexpr int kSmsPackage = 1;   // 短信套餐

// How a package is paid (PayMoney's `type`, SearchPayPackages' `payType`).
enum class PayType { Buy = 0, Upgrade = 1, Renew = 2 };

struct PackageDetail {
  std::string icon;
  std::string title;
  std::string content;
};

// A package the factory offers (套餐). The id is the document's string id ("10000001").
struct Package {
  std::string id;
  int type = kCardPackage;
  std::string itemName;
  std::string itemPrice;  // shown as it is, e.g. "¥158元/年"
  sdk::Fen price = 0;     // what is charged
  int durationDays = 365;
  std::string description;
  bool forBuy = true;  // offered for 正常购买 (payType 0)
  bool forUpgrade = false;  // offered for 升级 (payType 1)
  bool enabled = true;
  std::vector<PackageDetail> details;  // in order

  // Whether the package is offered for buying or upgrading; any package the
  // user already has may be renewed.
  bool offeredFor(PayType payType) const;
};

constexpr std::size_t kMaxPackageIdBytes = 32;

// The admin API's JSON: price in fen, payTypes [0, 1], details in order.
Poco::JSON::Object::Ptr toJson(const Package& package);
// details[{icon, title, content}] in order, as both the admin and the 001 API show them.
Poco::JSON::Array::Ptr detailsJson(const std::vector<PackageDetail>& details);
// Reads and checks the admin's JSON; throws sdk::ParamError naming the field.
Package packageFromJson(const Poco::JSON::Object& json);

}  // namespace paynext::plugins::campus
