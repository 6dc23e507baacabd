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
  return json;
}

}  // namespace paynext::plugins::deposit
