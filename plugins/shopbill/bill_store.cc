#include "bill_store.h"

#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

#include "paynext/sdk/china_time.h"

namespace paynext::plugins::shopbill {

using namespace Poco::Data::Keywords;

namespace {

using Row = Poco::Tuple<Poco::Int64, Poco::Int64, std::string, Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64,
                        std::string, Poco::Int64, std::string>;

const std::string kColumns =
    "SELECT id, shop_id, shop_name, user_id, bill, discount, paid, day, created_at, step_key FROM shopbill_bills ";

std::vector<Bill> fromRows(const std::vector<Row>& rows) {
  std::vector<Bill> out;
  for (const auto& r : rows) {
    out.push_back({r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>(), r.get<4>(), r.get<5>(), r.get<6>(), r.get<7>(),
                   r.get<8>(), r.get<9>()});
  }
  return out;
}

std::optional<Bill> first(const std::vector<Row>& rows) {
  if (rows.empty()) return std::nullopt;
  return fromRows(rows).front();
}

}  // namespace

BillStore::BillStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock)
    : session_(session), factoryId_(factoryId), clock_(clock) {}

Bill BillStore::record(Bill bill) {
  bill.createdAt = clock_.nowMs();
  // The day admins' totals fall on is the payer's: China time, whatever the server's zone.
  bill.day = sdk::formatChinaTime(bill.createdAt).substr(0, 10);
  session_ << "INSERT INTO shopbill_bills (factory_id, shop_id, shop_name, user_id, bill, discount, paid, day, "
              "created_at, step_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
      use(factoryId_), use(bill.shopId), use(bill.shopName), use(bill.userId), use(bill.bill), use(bill.discount),
      use(bill.paid), use(bill.day), use(bill.createdAt), use(bill.stepKey), into(bill.id), now;
  return bill;
}

std::optional<Bill> BillStore::findByStep(const std::string& stepKey) {
  std::vector<Row> rows;
  std::string key = stepKey;
  session_ << kColumns + "WHERE factory_id = $1 AND step_key = $2", use(factoryId_), use(key), into(rows), now;
  return first(rows);
}

std::optional<Bill> BillStore::find(std::int64_t id) {
  std::vector<Row> rows;
  session_ << kColumns + "WHERE id = $1 AND factory_id = $2", use(id), use(factoryId_), into(rows), now;
  return first(rows);
}

std::vector<Bill> BillStore::list(std::int64_t shopId, std::int64_t userId, int offset, int limit) {
  std::vector<Row> rows;
  // 0 matches everything, so one statement serves admins and users; the casts
  // tell PostgreSQL the parameters' types.
  session_ << kColumns +
                  "WHERE factory_id = $1 AND (CAST($2 AS BIGINT) = 0 OR shop_id = $2) "
                  "AND (CAST($3 AS BIGINT) = 0 OR user_id = $3) ORDER BY id DESC LIMIT $4 OFFSET $5",
      use(factoryId_), use(shopId), use(userId), use(limit), use(offset), into(rows), now;
  return fromRows(rows);
}

std::vector<Totals> BillStore::totals(std::int64_t shopId, const std::string& from, const std::string& to,
                                      bool perDay, int offset, int limit) {
  using TotalsRow =
      Poco::Tuple<Poco::Int64, std::string, std::string, Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64>;
  std::vector<TotalsRow> rows;
  std::string fromDay = from, toDay = to.empty() ? "9999-12-31" : to;
  // Days are "yyyy-MM-dd" text, so they compare as dates do. SUM is cast:
  // PostgreSQL sums BIGINT as NUMERIC.
  const std::string day = perDay ? "b.day" : "''";
  session_ << "SELECT b.shop_id, s.name, " + day +
                  ", COUNT(*), CAST(SUM(b.bill) AS BIGINT), CAST(SUM(b.discount) AS BIGINT), "
                  "CAST(SUM(b.paid) AS BIGINT) FROM shopbill_bills b JOIN shopbill_shops s "
                  "ON s.id = b.shop_id AND s.factory_id = b.factory_id "
                  "WHERE b.factory_id = $1 AND (CAST($2 AS BIGINT) = 0 OR b.shop_id = $2) "
                  "AND b.day >= $3 AND b.day <= $4 GROUP BY b.shop_id, s.name" +
                  (perDay ? ", b.day ORDER BY b.day DESC, b.shop_id" : " ORDER BY b.shop_id") +
                  " LIMIT $5 OFFSET $6",
      use(factoryId_), use(shopId), use(fromDay), use(toDay), use(limit), use(offset), into(rows), now;
  std::vector<Totals> out;
  for (const auto& r : rows) {
    out.push_back({r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>(), r.get<4>(), r.get<5>(), r.get<6>()});
  }
  return out;
}

}  // namespace paynext::plugins::shopbill
