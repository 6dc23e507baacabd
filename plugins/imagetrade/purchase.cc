#include "purchase.h"

namespace paynext::plugins::imagetrade {

Poco::JSON::Object::Ptr toJson(const Purchase& p, const std::string& imageTitle) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("id", p.id);
  json->set("imageId", p.imageId);
  if (!imageTitle.empty()) json->set("title", imageTitle);
  json->set("buyerId", p.buyerId);
  json->set("sellerId", p.sellerId);
  json->set("price", sdk::yuanNumber(p.price));
  json->set("commission", sdk::yuanNumber(p.commission));
  json->set("status", p.status);
  json->set("createdAt", p.createdAt);
  json->set("paidAt", p.paidAt);
  return json;
}

}  // namespace paynext::plugins::imagetrade
