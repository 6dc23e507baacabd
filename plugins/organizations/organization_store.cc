#include "organization_store.h"

#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

namespace paynext::plugins::organizations {

using namespace Poco::Data::Keywords;

namespace {

using OrgRow = Poco::Tuple<Poco::Int64, Poco::Int64, std::string, std::string, Poco::Int64, Poco::Int64, Poco::Int64,
                           Poco::Int64, Poco::Int64, std::string, Poco::Int64, Poco::Int64>;
using UpgradeRow = Poco::Tuple<Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64,
                               Poco::Int64, Poco::Int64, std::string, Poco::Int64>;

const std::string kOrgColumns =
    "SELECT o.id, o.owner_id, o.name, o.remark, o.price_id, o.member_cap, o.expires_at, "
    "(SELECT COUNT(*) FROM organizations_members m WHERE m.factory_id = o.factory_id AND m.org_id = o.id), "
    "o.amount, o.reference, o.created_at, o.updated_at FROM organizations_orgs o ";
const std::string kUpgradeColumns =
    "SELECT id, org_id, user_id, from_price_id, to_price_id, member_cap, amount, expires_at, reference, created_at "
    "FROM organizations_upgrades ";

std::vector<Organization> orgsOf(const std::vector<OrgRow>& rows) {
  std::vector<Organization> out;
  for (const auto& r : rows) {
    out.push_back({r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>(), r.get<4>(), r.get<5>(), r.get<6>(), r.get<7>(),
                   r.get<8>(), r.get<9>(), r.get<10>(), r.get<11>()});
  }
  return out;
}

std::vector<Upgrade> upgradesOf(const std::vector<UpgradeRow>& rows) {
  std::vector<Upgrade> out;
  for (const auto& r : rows) {
    out.push_back({r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>(), r.get<4>(), r.get<5>(), r.get<6>(), r.get<7>(),
                   r.get<8>(), r.get<9>()});
  }
  return out;
}

// The one row of `select` (factory as $1, key as $2), converted; nullopt when none.
template <typename Row, typename Out, typename Key>
std::optional<Out> one(Poco::Data::Session& session, const std::string& select, std::int64_t factoryId, Key key,
                       std::vector<Out> (*convert)(const std::vector<Row>&)) {
  std::vector<Row> rows;
  session << select, use(factoryId), use(key), into(rows), now;
  if (rows.empty()) return std::nullopt;
  return convert(rows).front();
}

}  // namespace

OrganizationStore::OrganizationStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock)
    : session_(session), factoryId_(factoryId), clock_(clock) {}

Organization OrganizationStore::create(Organization org) {
  org.createdAt = org.updatedAt = clock_.nowMs();
  session_ << "INSERT INTO organizations_orgs (factory_id, owner_id, name, remark, price_id, member_cap, expires_at, "
              "amount, reference, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) "
              "RETURNING id",
      use(factoryId_), use(org.ownerId), use(org.name), use(org.remark), use(org.priceId), use(org.memberCap),
      use(org.expiresAt), use(org.amount), use(org.reference), use(org.createdAt), use(org.updatedAt), into(org.id),
      now;
  addMember(org.id, org.ownerId);
  org.memberCount = 1;
  return org;
}

std::optional<Organization> OrganizationStore::find(std::int64_t id) {
  return one<OrgRow>(session_, kOrgColumns + "WHERE o.factory_id = $1 AND o.id = $2", factoryId_, Poco::Int64(id),
                     orgsOf);
}

std::optional<Organization> OrganizationStore::findByReference(const std::string& reference) {
  return one<OrgRow>(session_, kOrgColumns + "WHERE o.factory_id = $1 AND o.reference = $2", factoryId_, reference,
                     orgsOf);
}

std::vector<Organization> OrganizationStore::listOf(std::int64_t userId, int offset, int limit) {
  std::vector<OrgRow> rows;
  session_ << kOrgColumns +
                  "WHERE o.factory_id = $1 AND o.id IN (SELECT org_id FROM organizations_members "
                  "WHERE factory_id = $1 AND user_id = $2) ORDER BY o.id DESC LIMIT $3 OFFSET $4",
      use(factoryId_), use(userId), use(limit), use(offset), into(rows), now;
  return orgsOf(rows);
}

std::vector<Organization> OrganizationStore::list(std::int64_t ownerId, int offset, int limit) {
  std::vector<OrgRow> rows;
  session_ << kOrgColumns +
                  "WHERE o.factory_id = $1 AND (CAST($2 AS BIGINT) = 0 OR o.owner_id = $2) "
                  "ORDER BY o.id DESC LIMIT $3 OFFSET $4",
      use(factoryId_), use(ownerId), use(limit), use(offset), into(rows), now;
  return orgsOf(rows);
}

std::vector<Member> OrganizationStore::members(std::int64_t orgId) {
  std::vector<Poco::Tuple<Poco::Int64, Poco::Int64>> rows;
  session_ << "SELECT user_id, joined_at FROM organizations_members WHERE factory_id = $1 AND org_id = $2 ORDER BY id",
      use(factoryId_), use(orgId), into(rows), now;
  std::vector<Member> out;
  for (const auto& r : rows) out.push_back({r.get<0>(), r.get<1>()});
  return out;
}

bool OrganizationStore::isMember(std::int64_t orgId, std::int64_t userId) {
  Poco::Int64 n = 0;
  session_ << "SELECT COUNT(*) FROM organizations_members WHERE factory_id = $1 AND org_id = $2 AND user_id = $3",
      use(factoryId_), use(orgId), use(userId), into(n), now;
  return n > 0;
}

void OrganizationStore::addMember(std::int64_t orgId, std::int64_t userId) {
  Poco::Int64 joinedAt = clock_.nowMs();
  session_ << "INSERT INTO organizations_members (factory_id, org_id, user_id, joined_at) VALUES ($1, $2, $3, $4)",
      use(factoryId_), use(orgId), use(userId), use(joinedAt), now;
}

bool OrganizationStore::removeMember(std::int64_t orgId, std::int64_t userId) {
  Poco::Data::Statement remove(session_);
  remove << "DELETE FROM organizations_members WHERE factory_id = $1 AND org_id = $2 AND user_id = $3",
      use(factoryId_), use(orgId), use(userId);
  return remove.execute() == 1;
}

bool OrganizationStore::upgrade(std::int64_t orgId, std::int64_t priceId, std::int64_t memberCap,
                                std::int64_t expiresAt) {
  Poco::Int64 updatedAt = clock_.nowMs();
  Poco::Data::Statement update(session_);
  update << "UPDATE organizations_orgs SET price_id = $1, member_cap = $2, expires_at = $3, updated_at = $4 "
            "WHERE id = $5 AND factory_id = $6 AND member_cap < $2",
      use(priceId), use(memberCap), use(expiresAt), use(updatedAt), use(orgId), use(factoryId_);
  return update.execute() == 1;
}

Upgrade OrganizationStore::addUpgrade(Upgrade u) {
  u.createdAt = clock_.nowMs();
  session_ << "INSERT INTO organizations_upgrades (factory_id, org_id, user_id, from_price_id, to_price_id, "
              "member_cap, amount, expires_at, reference, created_at) "
              "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
      use(factoryId_), use(u.organizationId), use(u.userId), use(u.fromPriceId), use(u.toPriceId), use(u.memberCap),
      use(u.amount), use(u.expiresAt), use(u.reference), use(u.createdAt), into(u.id), now;
  return u;
}

std::optional<Upgrade> OrganizationStore::findUpgrade(const std::string& reference) {
  return one<UpgradeRow>(session_, kUpgradeColumns + "WHERE factory_id = $1 AND reference = $2", factoryId_, reference,
                         upgradesOf);
}

std::vector<Upgrade> OrganizationStore::upgrades(std::int64_t orgId, int offset, int limit) {
  std::vector<UpgradeRow> rows;
  session_ << kUpgradeColumns +
                  "WHERE factory_id = $1 AND (CAST($2 AS BIGINT) = 0 OR org_id = $2) "
                  "ORDER BY id DESC LIMIT $3 OFFSET $4",
      use(factoryId_), use(orgId), use(limit), use(offset), into(rows), now;
  return upgradesOf(rows);
}

}  // namespace paynext::plugins::organizations
