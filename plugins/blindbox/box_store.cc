#include "box_store.h"

#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

namespace paynext::plugins::blindbox {

using namespace Poco::Data::Keywords;

namespace {

using Row = Poco::Tuple<Poco::Int64, Poco::Int64, int, std::string, std::string, std::string, Poco::Int64, Poco::Int64,
                        Poco::Int64, std::string>;

const std::string kColumns =
    "SELECT id, user_id, gender, intro, contact, status, amount, created_at, published_at, paid_reference "
    "FROM blindbox_boxes ";

// Published, not the user's own, not drawn by them; $1 factory, $2 user, $3 status. SQLite numbers
// the parameters in order of first appearance, so they first appear in order.
const std::string kDrawable =
    "WHERE factory_id = $1 AND user_id <> $2 AND status = $3 AND id NOT IN "
    "(SELECT box_id FROM blindbox_draws WHERE factory_id = $1 AND user_id = $2) ";

std::vector<Box> fromRows(const std::vector<Row>& rows) {
  std::vector<Box> out;
  for (const auto& r : rows) {
    out.push_back({r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>(), r.get<4>(), r.get<5>(), r.get<6>(), r.get<7>(),
                   r.get<8>(), r.get<9>()});
  }
  return out;
}

std::optional<Box> first(const std::vector<Row>& rows) {
  if (rows.empty()) return std::nullopt;
  return fromRows(rows).front();
}

}  // namespace

Box BoxStore::create(Box box) {
  box.status = kPending;
  box.createdAt = clock_.nowMs();
  session_ << "INSERT INTO blindbox_boxes (factory_id, user_id, gender, intro, contact, status, created_at) "
              "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
      use(factoryId_), use(box.userId), use(box.gender), use(box.intro), use(box.contact), use(box.status),
      use(box.createdAt), into(box.id), now;
  return box;
}

std::optional<Box> BoxStore::find(std::int64_t id) {
  std::vector<Row> rows;
  session_ << kColumns + "WHERE id = $1 AND factory_id = $2", use(id), use(factoryId_), into(rows), now;
  return first(rows);
}

std::vector<Box> BoxStore::list(std::int64_t userId, const std::string& status, int offset, int limit) {
  std::vector<Row> rows;
  std::string s = status;
  // 0 and "" match everything; the casts tell PostgreSQL the parameters' types.
  session_ << kColumns +
                  "WHERE factory_id = $1 AND (CAST($2 AS BIGINT) = 0 OR user_id = $2) "
                  "AND (CAST($3 AS TEXT) = '' OR status = $3) ORDER BY id DESC LIMIT $4 OFFSET $5",
      use(factoryId_), use(userId), use(s), use(limit), use(offset), into(rows), now;
  return fromRows(rows);
}

bool BoxStore::markPublished(std::int64_t id, sdk::Fen amount, const std::string& reference) {
  std::string published = kPublished, pending = kPending, ref = reference;
  Poco::Int64 at = clock_.nowMs(), fen = amount;
  Poco::Data::Statement update(session_);
  update << "UPDATE blindbox_boxes SET status = $1, amount = $2, published_at = $3, paid_reference = $4 "
            "WHERE id = $5 AND factory_id = $6 AND status = $7",
      use(published), use(fen), use(at), use(ref), use(id), use(factoryId_), use(pending);
  return update.execute() == 1;
}

std::size_t BoxStore::expire(std::int64_t before) {
  std::string expired = kExpired, pending = kPending;
  Poco::Int64 b = before;
  Poco::Data::Statement update(session_);
  update << "UPDATE blindbox_boxes SET status = $1 WHERE factory_id = $2 AND status = $3 AND created_at <= $4",
      use(expired), use(factoryId_), use(pending), use(b);
  return update.execute();
}

std::int64_t BoxStore::countDrawable(std::int64_t userId) {
  Poco::Int64 n = 0;
  std::string published = kPublished;
  session_ << "SELECT COUNT(*) FROM blindbox_boxes " + kDrawable, use(factoryId_), use(userId), use(published),
      into(n), now;
  return n;
}

std::optional<Box> BoxStore::drawableAt(std::int64_t userId, std::int64_t offset) {
  std::vector<Row> rows;
  std::string published = kPublished;
  Poco::Int64 off = offset;
  session_ << kColumns + kDrawable + "ORDER BY id LIMIT 1 OFFSET $4", use(factoryId_), use(userId), use(published),
      use(off), into(rows), now;
  return first(rows);
}

}  // namespace paynext::plugins::blindbox
