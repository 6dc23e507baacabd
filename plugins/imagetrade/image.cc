#include "image.h"

namespace paynext::plugins::imagetrade {

Poco::JSON::Object::Ptr publicJson(const Image& image) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("id", image.id);
  json->set("sellerId", image.sellerId);
  json->set("title", image.title);
  json->set("previewUrl", image.previewUrl);
  json->set("price", sdk::yuanNumber(image.price));
  json->set("status", image.status);
  json->set("createdAt", image.createdAt);
  return json;
}

Poco::JSON::Object::Ptr fullJson(const Image& image) {
  Poco::JSON::Object::Ptr json = publicJson(image);
  json->set("originalUrl", image.originalUrl);
  json->set("buyerId", image.buyerId);
  json->set("soldAt", image.soldAt);
  return json;
}

}  // namespace paynext::plugins::imagetrade
