#include "organization_view.h"

#include <Poco/JSON/Array.h>

namespace paynext::plugins::organizations {

Poco::JSON::Object::Ptr withMembers(sdk::Scope& scope, OrganizationStore& orgs, const Organization& org) {
  auto json = toJson(org, scope.clock.nowMs());
  Poco::JSON::Array::Ptr members = new Poco::JSON::Array;
  for (const auto& m : orgs.members(org.id)) {
    Poco::JSON::Object::Ptr member = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    const auto user = scope.users.find(m.userId);
    member->set("userId", m.userId);
    member->set("nick", user ? user->nickname : "");
    member->set("owner", m.userId == org.ownerId);
    member->set("joinedAt", m.joinedAt);
    members->add(member);
  }
  json->set("members", members);
  return json;
}

}  // namespace paynext::plugins::organizations
