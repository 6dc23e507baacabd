#pragma once
#include <Poco/JSON/Object.h>

#include "paynext/sdk/action_context.h"

#include "organization.h"
#include "organization_store.h"

namespace paynext::plugins::organizations {

// An organization with its members (user id, nickname, owner or not, when
// they joined), as users and admins both see one.
Poco::JSON::Object::Ptr withMembers(sdk::Scope& scope, OrganizationStore& orgs, const Organization& org);

}  // namespace paynext::plugins::organizations
