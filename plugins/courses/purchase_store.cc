#include "purchase_store.h"

#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

namespace paynext::plugins::courses {

using namespace Poco::Data::Keywords;

namespace {

using Row = Poco::Tuple<Poco::Int64, Poco::Int64, Poco::Int64, std::string, Poco::Int64, std::string, Poco::Int64,
                        Poco::Int64, Poco::Int64>;

const std::string kColumns =
    "SELECT id, user_id, course_id, status, amount, reference, created_at, paid_at, cancelled_at "
    "FROM courses_purchases ";

std::vector<Purchase> fromRows(const std::vector<Row>& rows) {
  std::vector<Purchase> out;
  for (const auto& r : rows) {
    out.push_back(
        {r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>(), r.get<4>(), r.get<5>(), r.get<6>(), r.get<7>(), r.get<8>()});
  }
  return out;
}

std::optional<Purchase> first(const std::vector<Row>& rows) {
  if (rows.empty()) return std::nullopt;
  return fromRows(rows).front();
}

}  // namespace

Purchase PurchaseStore::create(std::int64_t userId, std::int64_t courseId) {
  Purchase p{0, userId, courseId, kUnpaid, 0, "", clock_.nowMs(), 0, 0};
  session_ << "INSERT INTO courses_purchases (factory_id, user_id, course_id, status, created_at) "
              "VALUES ($1, $2, $3, $4, $5) RETURNING id",
      use(factoryId_), use(p.userId), use(p.courseId), use(p.status), use(p.createdAt), into(p.id), now;
  return p;
}

std::optional<Purchase> PurchaseStore::find(std::int64_t id) {
  std::vector<Row> rows;
  session_ << kColumns + "WHERE id = $1 AND factory_id = $2", use(id), use(factoryId_), into(rows), now;
  return first(rows);
}

std::optional<Purchase> PurchaseStore::findForUser(std::int64_t userId, std::int64_t id) {
  std::vector<Row> rows;
  session_ << kColumns + "WHERE id = $1 AND factory_id = $2 AND user_id = $3", use(id), use(factoryId_),
      use(userId), into(rows), now;
  return first(rows);
}

std::optional<Purchase> PurchaseStore::findUnpaid(std::int64_t userId, std::int64_t courseId) {
  std::vector<Row> rows;
  std::string unpaid = kUnpaid;
  session_ << kColumns + "WHERE factory_id = $1 AND user_id = $2 AND course_id = $3 AND status = $4 "
                         "ORDER BY id DESC LIMIT 1",
      use(factoryId_), use(userId), use(courseId), use(unpaid), into(rows), now;
  return first(rows);
}

bool PurchaseStore::enrolled(std::int64_t userId, std::int64_t courseId) {
  Poco::Int64 n = 0;
  std::string paid = kPaid;
  session_ << "SELECT COUNT(*) FROM courses_purchases WHERE factory_id = $1 AND user_id = $2 AND course_id = $3 "
              "AND status = $4",
      use(factoryId_), use(userId), use(courseId), use(paid), into(n), now;
  return n > 0;
}

std::vector<Purchase> PurchaseStore::list(std::int64_t userId, std::int64_t courseId, const std::string& status,
                                          int offset, int limit) {
  std::vector<Row> rows;
  std::string s = status;
  // 0 and "" match everything, so one statement serves admins and users; the
  // casts tell PostgreSQL the parameters' types.
  session_ << kColumns +
                  "WHERE factory_id = $1 AND (CAST($2 AS BIGINT) = 0 OR user_id = $2) "
                  "AND (CAST($3 AS BIGINT) = 0 OR course_id = $3) AND (CAST($4 AS TEXT) = '' OR status = $4) "
                  "ORDER BY id DESC LIMIT $5 OFFSET $6",
      use(factoryId_), use(userId), use(courseId), use(s), use(limit), use(offset), into(rows), now;
  return fromRows(rows);
}

bool PurchaseStore::markPaid(std::int64_t id, std::int64_t userId, const std::string& reference, sdk::Fen amount) {
  std::string paid = kPaid, unpaid = kUnpaid, ref = reference;
  Poco::Int64 at = clock_.nowMs();
  Poco::Data::Statement update(session_);
  update << "UPDATE courses_purchases SET status = $1, reference = $2, amount = $3, paid_at = $4 "
            "WHERE id = $5 AND factory_id = $6 AND user_id = $7 AND status = $8",
      use(paid), use(ref), use(amount), use(at), use(id), use(factoryId_), use(userId), use(unpaid);
  return update.execute() == 1;
}

bool PurchaseStore::cancel(std::int64_t id, std::int64_t userId) {
  std::string cancelled = kCancelled, unpaid = kUnpaid;
  Poco::Int64 at = clock_.nowMs();
  Poco::Data::Statement update(session_);
  update << "UPDATE courses_purchases SET status = $1, cancelled_at = $2 "
            "WHERE id = $3 AND factory_id = $4 AND user_id = $5 AND status = $6",
      use(cancelled), use(at), use(id), use(factoryId_), use(userId), use(unpaid);
  return update.execute() == 1;
}

}  // namespace paynext::plugins::courses
