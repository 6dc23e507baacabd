#include "issued_coupon.h"

#include "paynext/sdk/china_time.h"

namespace paynext::plugins::coupons {

namespace {

Poco::JSON::Object::Ptr common(const IssuedCoupon& c, std::int64_t nowMs, bool yuan) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("id", c.id);
  json->set("ruleId", c.ruleId);
  putTerms(*json, c.terms, yuan);
  json->set("dateStart", sdk::formatChinaTime(c.startsAt));
  json->set("dateEnd", sdk::formatChinaTime(c.expiresAt));
  json->set("status", c.shownStatus(nowMs));
  json->set("createdAt", c.createdAt);
  return json;
}

}  // namespace

std::string IssuedCoupon::shownStatus(std::int64_t nowMs) const {
  if (status == kUsed) return kShowUsed;
  return expiresAt <= nowMs ? kShowExpired : kShowUsable;
}

Poco::JSON::Object::Ptr toJson(const IssuedCoupon& coupon, std::int64_t nowMs) {
  return common(coupon, nowMs, true);
}

Poco::JSON::Object::Ptr toAdminJson(const IssuedCoupon& coupon, std::int64_t nowMs) {
  auto json = common(coupon, nowMs, false);
  json->set("userId", coupon.userId);
  json->set("grantReference", coupon.grantReference);
  json->set("usedReference", coupon.usedReference);
  json->set("usedAt", coupon.usedAt);
  return json;
}

}  // namespace paynext::plugins::coupons
