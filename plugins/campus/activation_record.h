#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

namespace paynext::plugins::campus {

// One package activated for a user by a paid payment (付款记录).
struct ActivationRecord {
  std::string id;  // recordId(outTradeId, packageId)
  std::int64_t userId = 0;
  std::string packageId;
  std::string itemName;  // the package's name when it was paid
  int packageType = 0;
  int payType = 0;  // PayType
  std::string outTradeId;
  std::string empName;  // as the payer gave it to PayMoney
  std::int64_t startAt = 0;  // ms since the epoch
  std::int64_t endAt = 0;
  std::string idempotencyKey;  // of the chain step that created it
  std::int64_t createdAt = 0;
};

// The record a payment creates for one of its packages: "<outTradeId>-<packageId>".
// PayMoney answers these ids before the payment is made; the step creates them.
std::string recordId(const std::string& outTradeId, const std::string& packageId);
std::vector<std::string> recordIds(const std::string& outTradeId, const std::vector<std::string>& packageIds);

// "yyyy-MM-dd HH:mm:ss" in the server's local time.
std::string formatLocal(std::int64_t epochMs);

// The admin API's JSON (times in epoch ms and formatted).
Poco::JSON::Object::Ptr toJson(const ActivationRecord& record);

}  // namespace paynext::plugins::campus
