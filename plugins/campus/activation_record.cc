#include "activation_record.h"

#include <Poco/DateTimeFormatter.h>
#include <Poco/LocalDateTime.h>
#include <Poco/Timestamp.h>

namespace paynext::plugins::campus {

std::string recordId(const std::string& outTradeId, const std::string& packageId) {
  return outTradeId + "-" + packageId;
}

std::vector<std::string> recordIds(const std::string& outTradeId, const std::vector<std::string>& packageIds) {
  std::vector<std::string> out;
  for (const auto& id : packageIds) out.push_back(recordId(outTradeId, id));
  return out;
}

std::string formatLocal(std::int64_t epochMs) {
  const Poco::LocalDateTime local(Poco::Timestamp(static_cast<Poco::Timestamp::TimeVal>(epochMs) * 1000));
  return Poco::DateTimeFormatter::format(local, "%Y-%m-%d %H:%M:%S");
}

Poco::JSON::Object::Ptr toJson(const ActivationRecord& r) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("id", r.id);
  json->set("userId", r.userId);
  json->set("itemId", r.packageId);
  json->set("itemName", r.itemName);
  json->set("type", r.packageType);
  json->set("payType", r.payType);
  json->set("outTradeId", r.outTradeId);
  json->set("empName", r.empName);
  json->set("startAt", r.startAt);
  json->set("endAt", r.endAt);
  json->set("payStartDate", formatLocal(r.startAt));
  json->set("payEndDate", formatLocal(r.endAt));
  json->set("createdAt", r.createdAt);
  return json;
}

}  // namespace paynext::plugins::campus
