#include "goods.h"

namespace paynext::plugins::orders {

Poco::JSON::Object::Ptr toJson(const Goods& goods, bool forAdmins) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("id", goods.id);
  json->set("name", goods.name);
  json->set("price", sdk::yuanNumber(goods.price));
  json->set("stock", goods.stock);
  json->set("onSale", goods.onSale);
  if (!forAdmins) return json;
  json->set("createdAt", goods.createdAt);
  json->set("updatedAt", goods.updatedAt);
  return json;
}

sdk::Error goodsNotFound(std::int64_t id) {
  return sdk::Error(sdk::codes::kNoData, "商品 " + std::to_string(id) + " 不存在");
}

}  // namespace paynext::plugins::orders
