#include "purchase.h"

namespace paynext::plugins::courses {

Poco::JSON::Object::Ptr toJson(const Purchase& p, const Course* course) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("id", p.id);
  json->set("courseId", p.courseId);
  if (course) {
    json->set("title", course->title);
    json->set("price", sdk::yuanNumber(p.status == kPaid ? p.amount : course->price));
  }
  json->set("userId", p.userId);
  json->set("status", p.status);
  json->set("amount", sdk::yuanNumber(p.amount));
  json->set("reference", p.reference);
  json->set("createdAt", p.createdAt);
  json->set("paidAt", p.paidAt);
  json->set("cancelledAt", p.cancelledAt);
  return json;
}

}  // namespace paynext::plugins::courses
