#include "rule_store.h"

#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

namespace paynext::plugins::coupons {

using namespace Poco::Data::Keywords;

namespace {

using Row = Poco::Tuple<Poco::Int64, std::string, std::string, Poco::Int64, int, Poco::Int64, Poco::Int64, Poco::Int64,
                        int, Poco::Int64, Poco::Int64, Poco::Int64, std::string, Poco::Int64, int, Poco::Int64>;

const std::string kColumns =
    "SELECT id, name, kind, money, rate, min_amount, date_start, date_end, valid_days, stock, issued, per_user, pwd, "
    "price, enabled, created_at FROM coupons_rules ";

std::vector<CouponRule> fromRows(const std::vector<Row>& rows) {
  std::vector<CouponRule> out;
  for (const auto& r : rows) {
    CouponRule rule;
    rule.id = r.get<0>();
    rule.terms = CouponTerms{r.get<1>(), r.get<2>(), r.get<3>(), r.get<4>(), r.get<5>()};
    rule.dateStart = r.get<6>();
    rule.dateEnd = r.get<7>();
    rule.validDays = r.get<8>();
    rule.stock = r.get<9>();
    rule.issued = r.get<10>();
    rule.perUser = r.get<11>();
    rule.pwd = r.get<12>();
    rule.price = r.get<13>();
    rule.enabled = r.get<14>() != 0;
    rule.createdAt = r.get<15>();
    out.push_back(rule);
  }
  return out;
}

}  // namespace

RuleStore::RuleStore(Poco::Data::Session& session, std::int64_t factoryId) : session_(session), factoryId_(factoryId) {}

CouponRule RuleStore::create(CouponRule r, std::int64_t nowMs) {
  r.issued = 0;
  r.createdAt = nowMs;
  int enabled = r.enabled ? 1 : 0;
  session_ << "INSERT INTO coupons_rules (factory_id, name, kind, money, rate, min_amount, date_start, date_end, "
              "valid_days, stock, issued, per_user, pwd, price, enabled, created_at) "
              "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id",
      use(factoryId_), use(r.terms.name), use(r.terms.kind), use(r.terms.money), use(r.terms.rate),
      use(r.terms.minAmount), use(r.dateStart), use(r.dateEnd), use(r.validDays), use(r.stock), use(r.issued),
      use(r.perUser), use(r.pwd), use(r.price), use(enabled), use(r.createdAt), into(r.id), now;
  return r;
}

bool RuleStore::replace(const CouponRule& rule) {
  CouponRule r = rule;
  int enabled = r.enabled ? 1 : 0;
  Poco::Data::Statement update(session_);
  update << "UPDATE coupons_rules SET name = $1, kind = $2, money = $3, rate = $4, min_amount = $5, date_start = $6, "
            "date_end = $7, valid_days = $8, stock = $9, per_user = $10, pwd = $11, price = $12, enabled = $13 "
            "WHERE id = $14 AND factory_id = $15",
      use(r.terms.name), use(r.terms.kind), use(r.terms.money), use(r.terms.rate), use(r.terms.minAmount),
      use(r.dateStart), use(r.dateEnd), use(r.validDays), use(r.stock), use(r.perUser), use(r.pwd), use(r.price),
      use(enabled), use(r.id), use(factoryId_);
  return update.execute() == 1;
}

std::optional<CouponRule> RuleStore::find(std::int64_t id) {
  std::vector<Row> rows;
  session_ << kColumns + "WHERE id = $1 AND factory_id = $2", use(id), use(factoryId_), into(rows), now;
  if (rows.empty()) return std::nullopt;
  return fromRows(rows).front();
}

std::vector<CouponRule> RuleStore::list() {
  std::vector<Row> rows;
  session_ << kColumns + "WHERE factory_id = $1 ORDER BY id", use(factoryId_), into(rows), now;
  return fromRows(rows);
}

std::vector<CouponRule> RuleStore::listClaimable(std::int64_t nowMs) {
  std::vector<Row> rows;
  session_ << kColumns +
                  "WHERE factory_id = $1 AND enabled = 1 AND issued < stock AND (date_end = 0 OR date_end > $2) "
                  "ORDER BY id",
      use(factoryId_), use(nowMs), into(rows), now;
  return fromRows(rows);
}

bool RuleStore::takeOne(std::int64_t id) {
  Poco::Data::Statement update(session_);
  update << "UPDATE coupons_rules SET issued = issued + 1 "
            "WHERE id = $1 AND factory_id = $2 AND enabled = 1 AND issued < stock",
      use(id), use(factoryId_);
  return update.execute() == 1;
}

}  // namespace paynext::plugins::coupons
