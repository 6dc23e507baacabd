#include "order.h"

#include "paynext/sdk/china_time.h"

namespace paynext::plugins::addbell {

std::string Order::status(std::int64_t now) const {
  if (closedAt > 0 || now >= endAt) return kFinished;
  return now < startAt ? kWaiting : kRunning;
}

Poco::JSON::Object::Ptr toJson(const Order& order, std::int64_t now) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("id", order.id);
  json->set("serviceId", order.serviceId);
  json->set("serviceName", order.serviceName);
  json->set("technician", order.technician);
  json->set("startTime", sdk::formatChinaTime(order.startAt));
  json->set("endTime", sdk::formatChinaTime(order.closedAt > 0 && order.closedAt < order.endAt ? order.closedAt
                                                                                              : order.endAt));
  json->set("baseMinutes", order.baseMinutes);
  json->set("addedMinutes", order.addedMinutes);
  json->set("status", order.status(now));
  return json;
}

Poco::JSON::Object::Ptr toAdminJson(const Order& order, std::int64_t now) {
  auto json = toJson(order, now);
  json->set("userId", order.userId);
  json->set("price", sdk::yuanNumber(order.price));
  json->set("createdAt", order.createdAt);
  json->set("closedAt", order.closedAt);
  return json;
}

}  // namespace paynext::plugins::addbell
