#include "member_store.h"

#include <Poco/Tuple.h>

namespace paynext::plugins::membership {

using namespace Poco::Data::Keywords;

namespace {

using MemberRow = Poco::Tuple<Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64>;
using PurchaseRow = Poco::Tuple<Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64,
                                Poco::Int64, std::string, Poco::Int64, std::string, Poco::Int64>;
using RenewalRow = Poco::Tuple<Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, std::string,
                               std::string, Poco::Int64, std::string, Poco::Int64>;

const std::string kMemberColumns =
    "SELECT id, user_id, level_id, price_id, expires_at, auto_renew, updated_at FROM membership_members ";
const std::string kPurchaseColumns =
    "SELECT id, user_id, level_id, price_id, days, amount, auto_renew, remark, expires_at, reference, created_at "
    "FROM membership_purchases ";
const std::string kRenewalColumns =
    "SELECT id, user_id, level_id, price_id, amount, status, reason, expires_at, reference, created_at "
    "FROM membership_renewals ";

std::vector<Member> membersOf(const std::vector<MemberRow>& rows) {
  std::vector<Member> out;
  for (const auto& r : rows) {
    out.push_back({r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>(), r.get<4>(), r.get<5>() != 0, r.get<6>()});
  }
  return out;
}

std::vector<Purchase> purchasesOf(const std::vector<PurchaseRow>& rows) {
  std::vector<Purchase> out;
  for (const auto& r : rows) {
    out.push_back({r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>(), r.get<4>(), r.get<5>(), r.get<6>() != 0,
                   r.get<7>(), r.get<8>(), r.get<9>(), r.get<10>()});
  }
  return out;
}

std::vector<Renewal> renewalsOf(const std::vector<RenewalRow>& rows) {
  std::vector<Renewal> out;
  for (const auto& r : rows) {
    out.push_back({r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>(), r.get<4>(), r.get<5>(), r.get<6>(), r.get<7>(),
                   r.get<8>(), r.get<9>()});
  }
  return out;
}

// The page of a table, optionally one user's, newest first.
template <typename Row>
std::vector<Row> page(Poco::Data::Session& session, const std::string& columns, Poco::Int64 factoryId,
                      std::optional<std::int64_t> userId, int offset, int limit) {
  std::vector<Row> rows;
  if (userId) {
    Poco::Int64 user = *userId;
    session << columns + "WHERE factory_id = $1 AND user_id = $2 ORDER BY id DESC LIMIT $3 OFFSET $4",
        use(factoryId), use(user), use(limit), use(offset), into(rows), now;
  } else {
    session << columns + "WHERE factory_id = $1 ORDER BY id DESC LIMIT $2 OFFSET $3", use(factoryId), use(limit),
        use(offset), into(rows), now;
  }
  return rows;
}

}  // namespace

MemberStore::MemberStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock)
    : session_(session), factoryId_(factoryId), clock_(clock) {}

std::optional<Member> MemberStore::findMember(std::int64_t userId) {
  std::vector<MemberRow> rows;
  session_ << kMemberColumns + "WHERE factory_id = $1 AND user_id = $2", use(factoryId_), use(userId), into(rows), now;
  if (rows.empty()) return std::nullopt;
  return membersOf(rows).front();
}

void MemberStore::saveMember(Member m) {
  m.updatedAt = clock_.nowMs();
  Poco::Int64 autoRenew = m.autoRenew ? 1 : 0;
  if (findMember(m.userId)) {
    session_ << "UPDATE membership_members SET level_id = $1, price_id = $2, expires_at = $3, auto_renew = $4, "
                "updated_at = $5 WHERE factory_id = $6 AND user_id = $7",
        use(m.levelId), use(m.priceId), use(m.expiresAt), use(autoRenew), use(m.updatedAt), use(factoryId_),
        use(m.userId), now;
    return;
  }
  session_ << "INSERT INTO membership_members (factory_id, user_id, level_id, price_id, expires_at, auto_renew, "
              "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
      use(factoryId_), use(m.userId), use(m.levelId), use(m.priceId), use(m.expiresAt), use(autoRenew),
      use(m.updatedAt), now;
}

std::vector<Member> MemberStore::members(std::optional<std::int64_t> userId, int offset, int limit) {
  return membersOf(page<MemberRow>(session_, kMemberColumns, factoryId_, userId, offset, limit));
}

std::vector<Member> MemberStore::dueForRenewal(std::int64_t nowMs) {
  std::vector<MemberRow> rows;
  session_ << kMemberColumns + "WHERE factory_id = $1 AND auto_renew = 1 AND expires_at <= $2 ORDER BY id",
      use(factoryId_), use(nowMs), into(rows), now;
  return membersOf(rows);
}

Purchase MemberStore::addPurchase(Purchase p) {
  p.createdAt = clock_.nowMs();
  Poco::Int64 autoRenew = p.autoRenew ? 1 : 0;
  session_ << "INSERT INTO membership_purchases (factory_id, user_id, level_id, price_id, days, amount, auto_renew, "
              "remark, expires_at, reference, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) "
              "RETURNING id",
      use(factoryId_), use(p.userId), use(p.levelId), use(p.priceId), use(p.days), use(p.amount), use(autoRenew),
      use(p.remark), use(p.expiresAt), use(p.reference), use(p.createdAt), into(p.id), now;
  return p;
}

std::optional<Purchase> MemberStore::findPurchase(const std::string& reference) {
  std::vector<PurchaseRow> rows;
  std::string ref = reference;
  session_ << kPurchaseColumns + "WHERE factory_id = $1 AND reference = $2", use(factoryId_), use(ref), into(rows),
      now;
  if (rows.empty()) return std::nullopt;
  return purchasesOf(rows).front();
}

std::vector<Purchase> MemberStore::purchases(std::optional<std::int64_t> userId, int offset, int limit) {
  return purchasesOf(page<PurchaseRow>(session_, kPurchaseColumns, factoryId_, userId, offset, limit));
}

Renewal MemberStore::addRenewal(Renewal r) {
  r.createdAt = clock_.nowMs();
  session_ << "INSERT INTO membership_renewals (factory_id, user_id, level_id, price_id, amount, status, reason, "
              "expires_at, reference, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
      use(factoryId_), use(r.userId), use(r.levelId), use(r.priceId), use(r.amount), use(r.status), use(r.reason),
      use(r.expiresAt), use(r.reference), use(r.createdAt), into(r.id), now;
  return r;
}

std::vector<Renewal> MemberStore::renewals(std::optional<std::int64_t> userId, int offset, int limit) {
  return renewalsOf(page<RenewalRow>(session_, kRenewalColumns, factoryId_, userId, offset, limit));
}

}  // namespace paynext::plugins::membership
