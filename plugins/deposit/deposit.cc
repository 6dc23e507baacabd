#include "deposit.h"

namespace paynext::plugins::deposit {

Poco::JSON::Object::Ptr toJson(const Deposit& deposit) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("id", deposit.id);
  json->set("amount", sdk::yuanNumber(deposit.amount));
  json->set("refCode", deposit.refCode);
  json->set("remark", deposit.remark);
  json->set("extJsonStr", deposit.extJson);
  json->set("status", deposit.status);
  json->set("createdAt", deposit.createdAt);
  json->set("forfeitedAmount", sdk::yuanNumber(deposit.forfeitedAmount));
  json->set("forfeitReason", deposit.forfeitReason);
  json->set("settledAt", deposit.settledAt);
  return json;
}

Poco::JSON::Object::Ptr toAdminJson(const Deposit& deposit) {
  Poco::JSON::Object::Ptr json = toJson(deposit);
  json->set("userId", deposit.userId);
  json->set("reference", deposit.reference);
  return json;
}

}  // namespace paynext::plugins::deposit
