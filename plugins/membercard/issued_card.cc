#include "issued_card.h"

#include "paynext/sdk/china_time.h"

namespace paynext::plugins::membercard {

Poco::JSON::Object::Ptr toUserJson(const IssuedCard& card, std::int64_t nowMs) {
  const bool active = card.validUntil > nowMs;
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("number", card.number);
  json->set("cardId", card.cardId);
  json->set("name", card.name);
  json->set("benefits", card.benefits);
  json->set("dateAdd", sdk::formatChinaTime(card.issuedAt));
  json->set("validUntil", sdk::formatChinaTime(card.validUntil));
  json->set("active", active);
  json->set("status", active ? "ACTIVE" : "EXPIRED");
  return json;
}

Poco::JSON::Object::Ptr toAdminJson(const IssuedCard& card, std::int64_t nowMs) {
  auto json = toUserJson(card, nowMs);
  json->set("id", card.id);
  json->set("userId", card.userId);
  json->set("issuedAt", card.issuedAt);
  json->set("validUntilMs", card.validUntil);
  json->set("updatedAt", card.updatedAt);
  return json;
}

Poco::JSON::Object::Ptr toJson(const Purchase& purchase) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("purchaseId", purchase.id);
  json->set("cardId", purchase.cardId);
  json->set("issuedId", purchase.issuedId);
  json->set("amount", sdk::yuanNumber(purchase.amount));
  json->set("days", purchase.days);
  json->set("validUntil", sdk::formatChinaTime(purchase.validUntil));
  return json;
}

}  // namespace paynext::plugins::membercard
