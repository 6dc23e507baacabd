#include "coupon_store.h"

#include <Poco/Data/Statement.h>
#include <Poco/NumberParser.h>
#include <Poco/StringTokenizer.h>
#include <Poco/Tuple.h>

namespace paynext::plugins::coupons {

using namespace Poco::Data::Keywords;

namespace {

using Row = Poco::Tuple<Poco::Int64, Poco::Int64, Poco::Int64, std::string, std::string, Poco::Int64, int, Poco::Int64,
                        Poco::Int64, Poco::Int64, std::string, std::string, std::string, Poco::Int64, Poco::Int64>;

const std::string kColumns =
    "SELECT id, rule_id, user_id, name, kind, money, rate, min_amount, starts_at, expires_at, status, "
    "grant_reference, used_reference, used_at, created_at FROM coupons_issued ";

std::vector<IssuedCoupon> fromRows(const std::vector<Row>& rows) {
  std::vector<IssuedCoupon> out;
  for (const auto& r : rows) {
    IssuedCoupon c;
    c.id = r.get<0>();
    c.ruleId = r.get<1>();
    c.userId = r.get<2>();
    c.terms = CouponTerms{r.get<3>(), r.get<4>(), r.get<5>(), r.get<6>(), r.get<7>()};
    c.startsAt = r.get<8>();
    c.expiresAt = r.get<9>();
    c.status = r.get<10>();
    c.grantReference = r.get<11>();
    c.usedReference = r.get<12>();
    c.usedAt = r.get<13>();
    c.createdAt = r.get<14>();
    out.push_back(c);
  }
  return out;
}

std::optional<IssuedCoupon> first(const std::vector<Row>& rows) {
  if (rows.empty()) return std::nullopt;
  return fromRows(rows).front();
}

std::string joinIds(const std::vector<std::int64_t>& ids) {
  std::string out;
  for (auto id : ids) out += (out.empty() ? "" : ",") + std::to_string(id);
  return out;
}

}  // namespace

CouponStore::CouponStore(Poco::Data::Session& session, std::int64_t factoryId)
    : session_(session), factoryId_(factoryId) {}

IssuedCoupon CouponStore::grant(IssuedCoupon c) {
  session_ << "INSERT INTO coupons_issued (factory_id, rule_id, user_id, name, kind, money, rate, min_amount, "
              "starts_at, expires_at, status, grant_reference, used_reference, used_at, created_at) "
              "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id",
      use(factoryId_), use(c.ruleId), use(c.userId), use(c.terms.name), use(c.terms.kind), use(c.terms.money),
      use(c.terms.rate), use(c.terms.minAmount), use(c.startsAt), use(c.expiresAt), use(c.status),
      use(c.grantReference), use(c.usedReference), use(c.usedAt), use(c.createdAt), into(c.id), now;
  return c;
}

std::optional<IssuedCoupon> CouponStore::findByGrant(const std::string& grantReference) {
  std::vector<Row> rows;
  std::string ref = grantReference;
  session_ << kColumns + "WHERE factory_id = $1 AND grant_reference = $2", use(factoryId_), use(ref), into(rows), now;
  return first(rows);
}

std::optional<IssuedCoupon> CouponStore::find(std::int64_t id) {
  std::vector<Row> rows;
  session_ << kColumns + "WHERE id = $1 AND factory_id = $2", use(id), use(factoryId_), into(rows), now;
  return first(rows);
}

std::int64_t CouponStore::countForUser(std::int64_t userId, std::int64_t ruleId) {
  Poco::Int64 n = 0;
  session_ << "SELECT COUNT(*) FROM coupons_issued WHERE factory_id = $1 AND user_id = $2 AND rule_id = $3",
      use(factoryId_), use(userId), use(ruleId), into(n), now;
  return n;
}

std::vector<IssuedCoupon> CouponStore::list(const CouponFilter& f, std::int64_t nowMs) {
  // Filters that are not set compare a column with itself: one statement, bound parameters only.
  CouponFilter filter = f;
  std::string usable = kUsable, used = kUsed;
  int byUser = filter.userId > 0, byRule = filter.ruleId > 0;
  int showUsable = filter.show == kShowUsable, showUsed = filter.show == kShowUsed,
            showExpired = filter.show == kShowExpired, showAll = filter.show.empty();
  std::vector<Row> rows;
  session_ << kColumns +
                  "WHERE factory_id = $1 AND ($2 = 0 OR user_id = $3) AND ($4 = 0 OR rule_id = $5) AND ("
                  "$6 = 1 OR ($7 = 1 AND status = $8 AND expires_at > $9) OR ($10 = 1 AND status = $11) "
                  "OR ($12 = 1 AND status = $13 AND expires_at <= $14)) ORDER BY id DESC LIMIT $15 OFFSET $16",
      use(factoryId_), use(byUser), use(filter.userId), use(byRule), use(filter.ruleId), use(showAll),
      use(showUsable), use(usable), use(nowMs), use(showUsed), use(used), use(showExpired), use(usable), use(nowMs),
      use(filter.limit), use(filter.offset), into(rows), now;
  return fromRows(rows);
}

bool CouponStore::markUsed(std::int64_t id, std::int64_t userId, const std::string& reference, std::int64_t nowMs) {
  std::string used = kUsed, usable = kUsable, ref = reference;
  Poco::Data::Statement update(session_);
  update << "UPDATE coupons_issued SET status = $1, used_reference = $2, used_at = $3 "
            "WHERE id = $4 AND factory_id = $5 AND user_id = $6 AND status = $7",
      use(used), use(ref), use(nowMs), use(id), use(factoryId_), use(userId), use(usable);
  return update.execute() == 1;
}

std::size_t CouponStore::unmarkUsed(const std::string& reference) {
  std::string usable = kUsable, used = kUsed, ref = reference, none;
  Poco::Int64 zero = 0;
  Poco::Data::Statement update(session_);
  update << "UPDATE coupons_issued SET status = $1, used_reference = $2, used_at = $3 "
            "WHERE factory_id = $4 AND used_reference = $5 AND status = $6",
      use(usable), use(none), use(zero), use(factoryId_), use(ref), use(used);
  return update.execute();
}

std::optional<sdk::services::CouponQuote> CouponStore::findRedemption(const std::string& reference) {
  std::vector<Poco::Tuple<Poco::Int64, Poco::Int64, std::string>> rows;
  std::string ref = reference;
  session_ << "SELECT amount, discount, coupon_ids FROM coupons_redemptions WHERE factory_id = $1 AND reference = $2",
      use(factoryId_), use(ref), into(rows), now;
  if (rows.empty()) return std::nullopt;
  sdk::services::CouponQuote q;
  q.amount = rows[0].get<0>();
  q.discount = rows[0].get<1>();
  q.payable = q.amount - q.discount;
  Poco::StringTokenizer ids(rows[0].get<2>(), ",", Poco::StringTokenizer::TOK_IGNORE_EMPTY);
  for (const auto& id : ids) q.couponIds.push_back(Poco::NumberParser::parse64(id));
  return q;
}

void CouponStore::saveRedemption(std::int64_t userId, const std::string& reference,
                                 const sdk::services::CouponQuote& quote, std::int64_t nowMs) {
  std::string ref = reference, ids = joinIds(quote.couponIds);
  Poco::Int64 user = userId, amount = quote.amount, discount = quote.discount, at = nowMs;
  session_ << "INSERT INTO coupons_redemptions (factory_id, reference, user_id, amount, discount, coupon_ids, "
              "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
      use(factoryId_), use(ref), use(user), use(amount), use(discount), use(ids), use(at), now;
}

bool CouponStore::deleteRedemption(const std::string& reference) {
  std::string ref = reference;
  Poco::Data::Statement del(session_);
  del << "DELETE FROM coupons_redemptions WHERE factory_id = $1 AND reference = $2", use(factoryId_), use(ref);
  return del.execute() > 0;
}

}  // namespace paynext::plugins::coupons
