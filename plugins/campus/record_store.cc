#include "record_store.h"

#include <Poco/Tuple.h>

namespace paynext::plugins::campus {

using namespace Poco::Data::Keywords;

namespace {

using Row = Poco::Tuple<std::string, Poco::Int64, std::string, std::string, Poco::Int64, Poco::Int64, std::string,
                        std::string, Poco::Int64, Poco::Int64, std::string, Poco::Int64>;

const std::string kSelect =
    "SELECT id, user_id, package_id, item_name, package_type, pay_type, out_trade_id, emp_name, start_at, end_at, "
    "idempotency_key, created_at FROM campus_records WHERE factory_id = $1";

std::vector<ActivationRecord> fromRows(const std::vector<Row>& rows) {
  std::vector<ActivationRecord> out;
  for (const auto& r : rows) {
    out.push_back({r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>(), static_cast<int>(r.get<4>()),
                   static_cast<int>(r.get<5>()), r.get<6>(), r.get<7>(), r.get<8>(), r.get<9>(), r.get<10>(),
                   r.get<11>()});
  }
  return out;
}

}  // namespace

void RecordStore::insert(const ActivationRecord& record) {
  ActivationRecord r = record;  // Poco's use() binds non-const lvalues
  Poco::Int64 packageType = r.packageType, payType = r.payType;
  session_ << "INSERT INTO campus_records (factory_id, id, user_id, package_id, item_name, package_type, pay_type, "
              "out_trade_id, emp_name, start_at, end_at, idempotency_key, created_at) "
              "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
      use(factoryId_), use(r.id), use(r.userId), use(r.packageId), use(r.itemName), use(packageType), use(payType),
      use(r.outTradeId), use(r.empName), use(r.startAt), use(r.endAt), use(r.idempotencyKey), use(r.createdAt), now;
}

std::vector<ActivationRecord> RecordStore::byIdempotencyKey(const std::string& key) {
  std::vector<Row> rows;
  std::string k = key;
  session_ << kSelect + " AND idempotency_key = $2 ORDER BY id", use(factoryId_), use(k), into(rows), now;
  return fromRows(rows);
}

std::optional<ActivationRecord> RecordStore::findForUser(std::int64_t userId, const std::string& id) {
  std::vector<Row> rows;
  std::string key = id;
  session_ << kSelect + " AND user_id = $2 AND id = $3", use(factoryId_), use(userId), use(key), into(rows), now;
  if (rows.empty()) return std::nullopt;
  return fromRows(rows).front();
}

std::vector<ActivationRecord> RecordStore::byOutTradeId(std::int64_t userId, const std::string& outTradeId) {
  std::vector<Row> rows;
  std::string out = outTradeId;
  session_ << kSelect + " AND user_id = $2 AND out_trade_id = $3 ORDER BY id", use(factoryId_), use(userId), use(out),
      into(rows), now;
  return fromRows(rows);
}

std::vector<ActivationRecord> RecordStore::list(std::optional<std::int64_t> userId, int offset, int limit) {
  std::vector<Row> rows;
  Poco::Int64 off = offset, lim = limit;
  if (userId) {
    Poco::Int64 user = *userId;
    session_ << kSelect + " AND user_id = $2 ORDER BY created_at DESC, id LIMIT $3 OFFSET $4", use(factoryId_),
        use(user), use(lim), use(off), into(rows), now;
  } else {
    session_ << kSelect + " ORDER BY created_at DESC, id LIMIT $2 OFFSET $3", use(factoryId_), use(lim), use(off),
        into(rows), now;
  }
  return fromRows(rows);
}

std::optional<std::int64_t> RecordStore::latestEnd(std::int64_t userId, const std::string& packageId) {
  std::vector<Poco::Int64> ends;
  std::string id = packageId;
  session_ << "SELECT end_at FROM campus_records WHERE factory_id = $1 AND user_id = $2 AND package_id = $3 "
              "ORDER BY end_at DESC LIMIT 1",
      use(factoryId_), use(userId), use(id), into(ends), now;
  if (ends.empty()) return std::nullopt;
  return ends.front();
}

bool RecordStore::hasActive(std::int64_t userId, int packageType, std::int64_t at) {
  Poco::Int64 count = 0, type = packageType, when = at;
  session_ << "SELECT COUNT(*) FROM campus_records WHERE factory_id = $1 AND user_id = $2 AND package_type = $3 "
              "AND end_at > $4",
      use(factoryId_), use(userId), use(type), use(when), into(count), now;
  return count > 0;
}

void RecordStore::endActive(std::int64_t userId, int packageType, std::int64_t at) {
  Poco::Int64 type = packageType, when = at;
  session_ << "UPDATE campus_records SET start_at = CASE WHEN start_at > $1 THEN $1 ELSE start_at END, end_at = $1 "
              "WHERE factory_id = $2 AND user_id = $3 AND package_type = $4 AND end_at > $1",
      use(when), use(factoryId_), use(userId), use(type), now;
}

}  // namespace paynext::plugins::campus
