#include "jd_order_store.h"

#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

namespace paynext::plugins::jdjingli {

using namespace Poco::Data::Keywords;

namespace {

using Row = Poco::Tuple<Poco::Int64, std::string, std::string, Poco::Int64, std::string, std::string, std::string,
                        Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64,
                        std::string>;

const std::string kColumns =
    "SELECT id, order_no, token, amount, items, pay_result_url, status, created_at, expires_at, user_id, coupon_id, "
    "discount, paid, paid_at, paid_reference FROM jdjingli_orders ";

std::vector<JdOrder> fromRows(const std::vector<Row>& rows) {
  std::vector<JdOrder> out;
  for (const auto& r : rows) {
    JdOrder o;
    o.id = r.get<0>();
    o.orderNo = r.get<1>();
    o.token = r.get<2>();
    o.amount = r.get<3>();
    o.items = r.get<4>();
    o.payResultUrl = r.get<5>();
    o.status = r.get<6>();
    o.createdAt = r.get<7>();
    o.expiresAt = r.get<8>();
    o.userId = r.get<9>();
    o.couponId = r.get<10>();
    o.discount = r.get<11>();
    o.paid = r.get<12>();
    o.paidAt = r.get<13>();
    o.paidReference = r.get<14>();
    out.push_back(std::move(o));
  }
  return out;
}

std::optional<JdOrder> first(const std::vector<Row>& rows) {
  if (rows.empty()) return std::nullopt;
  return fromRows(rows).front();
}

}  // namespace

JdOrderStore::JdOrderStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock)
    : session_(session), factoryId_(factoryId), clock_(clock) {}

JdOrder JdOrderStore::pending(const JdOrder& pushed, const std::string& token, std::int64_t ttlMs) const {
  JdOrder o = pushed;
  o.token = token;
  o.status = kPending;
  o.createdAt = clock_.nowMs();
  o.expiresAt = o.createdAt + ttlMs;
  return o;
}

JdOrder JdOrderStore::create(const JdOrder& pushed, const std::string& token, std::int64_t ttlMs) {
  JdOrder o = pending(pushed, token, ttlMs);
  session_ << "INSERT INTO jdjingli_orders (factory_id, order_no, token, amount, items, pay_result_url, status, "
              "created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
      use(factoryId_), use(o.orderNo), use(o.token), use(o.amount), use(o.items), use(o.payResultUrl), use(o.status),
      use(o.createdAt), use(o.expiresAt), into(o.id), now;
  return o;
}

JdOrder JdOrderStore::rearm(const JdOrder& existing, const JdOrder& pushed, const std::string& token,
                            std::int64_t ttlMs) {
  JdOrder o = pending(pushed, token, ttlMs);
  o.id = existing.id;
  session_ << "UPDATE jdjingli_orders SET token = $1, amount = $2, items = $3, pay_result_url = $4, status = $5, "
              "created_at = $6, expires_at = $7 WHERE id = $8 AND factory_id = $9",
      use(o.token), use(o.amount), use(o.items), use(o.payResultUrl), use(o.status), use(o.createdAt),
      use(o.expiresAt), use(o.id), use(factoryId_), now;
  return o;
}

std::optional<JdOrder> JdOrderStore::find(std::int64_t id) {
  std::vector<Row> rows;
  session_ << kColumns + "WHERE id = $1 AND factory_id = $2", use(id), use(factoryId_), into(rows), now;
  return first(rows);
}

std::optional<JdOrder> JdOrderStore::findByToken(const std::string& token) { return findBy("token", token); }

std::optional<JdOrder> JdOrderStore::findByOrderNo(const std::string& orderNo) { return findBy("order_no", orderNo); }

std::optional<JdOrder> JdOrderStore::findBy(const char* column, std::string value) {
  std::vector<Row> rows;
  session_ << kColumns + "WHERE " + column + " = $1 AND factory_id = $2", use(value), use(factoryId_), into(rows), now;
  return first(rows);
}

std::vector<JdOrder> JdOrderStore::list(std::int64_t userId, const std::string& status, int offset, int limit) {
  std::vector<Row> rows;
  std::string s = status;
  // 0 and "" match everything, so one statement serves admins and users; the casts
  // tell PostgreSQL the parameters' types.
  session_ << kColumns +
                  "WHERE factory_id = $1 AND (CAST($2 AS BIGINT) = 0 OR user_id = $2) "
                  "AND (CAST($3 AS TEXT) = '' OR status = $3) "
                  "ORDER BY id DESC LIMIT $4 OFFSET $5",
      use(factoryId_), use(userId), use(s), use(limit), use(offset), into(rows), now;
  return fromRows(rows);
}

bool JdOrderStore::markPaid(const JdOrder& paid) {
  JdOrder o = paid;
  std::string paidStatus = kPaid, pending = kPending;
  o.paidAt = clock_.nowMs();
  Poco::Data::Statement update(session_);
  update << "UPDATE jdjingli_orders SET status = $1, user_id = $2, coupon_id = $3, discount = $4, paid = $5, "
            "paid_at = $6, paid_reference = $7 WHERE id = $8 AND factory_id = $9 AND status = $10",
      use(paidStatus), use(o.userId), use(o.couponId), use(o.discount), use(o.paid), use(o.paidAt),
      use(o.paidReference), use(o.id), use(factoryId_), use(pending);
  return update.execute() == 1;
}

int JdOrderStore::expire(std::int64_t cutoffMs) {
  std::string expired = kExpired, pending = kPending;
  Poco::Data::Statement update(session_);
  update << "UPDATE jdjingli_orders SET status = $1 WHERE factory_id = $2 AND status = $3 AND expires_at <= $4",
      use(expired), use(factoryId_), use(pending), use(cutoffMs);
  return static_cast<int>(update.execute());
}

}  // namespace paynext::plugins::jdjingli
