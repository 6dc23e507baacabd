#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "paynext/sdk/clock.h"

#include "organization.h"

namespace paynext::plugins::organizations {

// organizations_orgs, organizations_members and organizations_upgrades of one factory.
class OrganizationStore {
 public:
  OrganizationStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock);

  // Inserts the organization, stamped with the clock's now, and its owner as its first member.
  Organization create(Organization org);
  std::optional<Organization> find(std::int64_t id);
  std::optional<Organization> findByReference(const std::string& reference);
  // Newest first. Organizations `userId` owns or belongs to.
  std::vector<Organization> listOf(std::int64_t userId, int offset, int limit);
  // Newest first; ownerId 0 for every owner (admins).
  std::vector<Organization> list(std::int64_t ownerId, int offset, int limit);

  // Oldest first, the owner's row included.
  std::vector<Member> members(std::int64_t orgId);
  bool isMember(std::int64_t orgId, std::int64_t userId);
  void addMember(std::int64_t orgId, std::int64_t userId);
  // False when the user was not a member.
  bool removeMember(std::int64_t orgId, std::int64_t userId);

  // Moves the organization to a larger item; false when its cap is not below
  // `memberCap` any more, so two upgrades to one item cannot both succeed.
  bool upgrade(std::int64_t orgId, std::int64_t priceId, std::int64_t memberCap, std::int64_t expiresAt);
  Upgrade addUpgrade(Upgrade upgrade);  // stamped with the clock's now
  std::optional<Upgrade> findUpgrade(const std::string& reference);
  // Newest first; orgId 0 for every organization.
  std::vector<Upgrade> upgrades(std::int64_t orgId, int offset, int limit);

 private:
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
  const sdk::Clock& clock_;
};

}  // namespace paynext::plugins::organizations
