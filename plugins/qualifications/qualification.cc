#include "qualification.h"

#include "paynext/sdk/china_time.h"

namespace paynext::plugins::qualifications {

namespace {

Poco::JSON::Object::Ptr object() { return new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER); }

std::string dateEnd(bool permanent, std::int64_t expiresAt) {
  return permanent ? "永久" : sdk::formatChinaTime(expiresAt);
}

// type, kind and name: how every answer names its qualification.
Poco::JSON::Object::Ptr named(int type) {
  auto json = object();
  const Kind* kind = kindOf(type);
  json->set("type", type);
  json->set("kind", kind ? kind->key : "");
  json->set("name", kind ? kind->name : "");
  return json;
}

}  // namespace

const std::vector<Kind>& kinds() {
  static const std::vector<Kind> all = {
      {12, "leader", "社区团购团长", "购买社区团购的团长"},
      {13, "distributor", "分销商", "购买分销商资格"},
      {14, "team_leader", "合伙人团队长", "购买合伙人模式下的团队长"},
  };
  return all;
}

const Kind* kindOf(std::int64_t type) {
  for (const auto& kind : kinds()) {
    if (kind.type == type) return &kind;
  }
  return nullptr;
}

Poco::JSON::Object::Ptr toJson(const Kind& kind, const Offer& offer) {
  auto json = named(kind.type);
  json->set("price", sdk::yuanNumber(offer.price));
  json->set("days", offer.days);
  json->set("permanent", offer.permanent);
  return json;
}

Poco::JSON::Object::Ptr toAdminJson(const Kind& kind, const std::optional<Offer>& offer) {
  auto json = named(kind.type);
  json->set("priced", offer.has_value());
  json->set("price", offer ? Poco::Dynamic::Var(sdk::yuanNumber(offer->price)) : Poco::Dynamic::Var());
  json->set("days", offer ? offer->days : 0);
  json->set("permanent", offer && offer->permanent);
  json->set("onSale", offer && offer->onSale);
  json->set("updatedAt", offer ? offer->updatedAt : 0);
  return json;
}

Poco::JSON::Object::Ptr toJson(const Holding& holding, std::int64_t nowMs) {
  auto json = named(holding.type);
  json->set("userId", holding.userId);
  json->set("permanent", holding.permanent);
  json->set("expiresAt", holding.expiresAt);
  json->set("dateEnd", dateEnd(holding.permanent, holding.expiresAt));
  json->set("active", holding.activeAt(nowMs));
  json->set("grantedAt", holding.grantedAt);
  json->set("updatedAt", holding.updatedAt);
  return json;
}

Poco::JSON::Object::Ptr toJson(const Grant& grant) {
  auto json = named(grant.type);
  json->set("id", grant.id);
  json->set("userId", grant.userId);
  json->set("amount", sdk::yuanNumber(grant.amount));
  json->set("days", grant.days);
  json->set("permanent", grant.permanent);
  json->set("expiresAt", grant.expiresAt);
  json->set("dateEnd", dateEnd(grant.permanent, grant.expiresAt));
  json->set("reference", grant.reference);
  json->set("createdAt", grant.createdAt);
  return json;
}

}  // namespace paynext::plugins::qualifications
