#include "course.h"

#include "paynext/sdk/china_time.h"

namespace paynext::plugins::courses {

Poco::JSON::Object::Ptr toJson(const Course& c, std::int64_t nowMs) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("id", c.id);
  json->set("title", c.title);
  json->set("summary", c.summary);
  json->set("price", sdk::yuanNumber(c.price));
  json->set("seats", c.seats);
  json->set("seatsTaken", c.seatsTaken);
  json->set("seatsLeft", c.seatsLeft());
  json->set("dateStart", sdk::formatChinaTime(c.dateStart));
  json->set("dateEnd", sdk::formatChinaTime(c.dateEnd));
  json->set("started", c.started(nowMs));
  json->set("onSale", c.onSale);
  json->set("createdAt", c.createdAt);
  json->set("updatedAt", c.updatedAt);
  return json;
}

}  // namespace paynext::plugins::courses
