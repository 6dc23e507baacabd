#include "task_store.h"

#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

namespace paynext::plugins::errands {

using namespace Poco::Data::Keywords;

namespace {

using Row = Poco::Tuple<Poco::Int64, Poco::Int64, Poco::Int64, std::string, std::string, std::string, Poco::Int64,
                        Poco::Int64, std::string, std::string, Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64,
                        Poco::Int64, Poco::Int64, Poco::Int64>;

const std::string kColumns =
    "SELECT id, poster_id, runner_id, from_place, to_place, what, fee, deadline_at, status, paid_reference, "
    "created_at, paid_at, taken_at, delivered_at, closed_at, commission, payout FROM errands_tasks ";

std::vector<Task> fromRows(const std::vector<Row>& rows) {
  std::vector<Task> out;
  for (const auto& r : rows) {
    out.push_back({r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>(), r.get<4>(), r.get<5>(), r.get<6>(), r.get<7>(),
                   r.get<8>(), r.get<9>(), r.get<10>(), r.get<11>(), r.get<12>(), r.get<13>(), r.get<14>(),
                   r.get<15>(), r.get<16>()});
  }
  return out;
}

std::optional<Task> first(std::vector<Task> tasks) {
  if (tasks.empty()) return std::nullopt;
  return tasks.front();
}

}  // namespace

TaskStore::TaskStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock)
    : session_(session), factoryId_(factoryId), clock_(clock) {}

Task TaskStore::create(Task t) {
  t.status = kUnpaid;
  t.runnerId = 0;
  t.createdAt = clock_.nowMs();
  session_ << "INSERT INTO errands_tasks (factory_id, poster_id, runner_id, from_place, to_place, what, fee, "
              "deadline_at, status, paid_reference, created_at, paid_at, taken_at, delivered_at, closed_at, "
              "commission, payout) VALUES ($1, $2, 0, $3, $4, $5, $6, $7, $8, '', $9, 0, 0, 0, 0, 0, 0) RETURNING id",
      use(factoryId_), use(t.posterId), use(t.from), use(t.to), use(t.what), use(t.fee), use(t.deadlineAt),
      use(t.status), use(t.createdAt), into(t.id), now;
  return t;
}

std::optional<Task> TaskStore::find(std::int64_t id) {
  std::vector<Row> rows;
  session_ << kColumns + "WHERE factory_id = $1 AND id = $2", use(factoryId_), use(id), into(rows), now;
  return first(fromRows(rows));
}

std::optional<Task> TaskStore::findPaidBy(const std::string& reference) {
  std::vector<Row> rows;
  std::string ref = reference;
  session_ << kColumns + "WHERE factory_id = $1 AND paid_reference = $2", use(factoryId_), use(ref), into(rows), now;
  return first(fromRows(rows));
}

std::vector<Task> TaskStore::list(std::int64_t posterId, std::int64_t runnerId, const std::string& status, int offset,
                                  int limit) {
  std::vector<Row> rows;
  std::string s = status;
  // 0 and "" match everything, so one statement serves admins and users; the
  // casts tell PostgreSQL the parameters' types.
  session_ << kColumns +
                  "WHERE factory_id = $1 AND (CAST($2 AS BIGINT) = 0 OR poster_id = $2) "
                  "AND (CAST($3 AS BIGINT) = 0 OR runner_id = $3) AND (CAST($4 AS TEXT) = '' OR status = $4) "
                  "ORDER BY id DESC LIMIT $5 OFFSET $6",
      use(factoryId_), use(posterId), use(runnerId), use(s), use(limit), use(offset), into(rows), now;
  return fromRows(rows);
}

std::vector<Task> TaskStore::open(std::int64_t exceptPosterId, int offset, int limit) {
  std::vector<Row> rows;
  std::string published = kPublished;
  std::int64_t at = clock_.nowMs();
  session_ << kColumns +
                  "WHERE factory_id = $1 AND status = $2 AND poster_id <> $3 AND deadline_at > $4 "
                  "ORDER BY deadline_at, id LIMIT $5 OFFSET $6",
      use(factoryId_), use(published), use(exceptPosterId), use(at), use(limit), use(offset), into(rows), now;
  return fromRows(rows);
}

std::vector<Task> TaskStore::unpaidCreatedBy(std::int64_t cutoff) { return inStatusBy(kUnpaid, "created_at", cutoff); }

std::vector<Task> TaskStore::publishedDeadlineBy(std::int64_t cutoff) {
  return inStatusBy(kPublished, "deadline_at", cutoff);
}

std::vector<Task> TaskStore::deliveredBy(std::int64_t cutoff) { return inStatusBy(kDelivered, "delivered_at", cutoff); }

std::vector<Task> TaskStore::inStatusBy(const std::string& status, const char* timeColumn, std::int64_t cutoff) {
  std::vector<Row> rows;
  std::string s = status;
  // timeColumn is one of the callers' constant column names; the values are bound.
  session_ << kColumns + "WHERE factory_id = $1 AND status = $2 AND " + timeColumn + " <= $3 ORDER BY id",
      use(factoryId_), use(s), use(cutoff), into(rows), now;
  return fromRows(rows);
}

bool TaskStore::markPaid(std::int64_t id, const std::string& reference) {
  std::string to = kPublished, from = kUnpaid, ref = reference;
  std::int64_t at = clock_.nowMs();
  Poco::Data::Statement update(session_);
  update << "UPDATE errands_tasks SET status = $1, paid_reference = $2, paid_at = $3 "
            "WHERE factory_id = $4 AND id = $5 AND status = $6",
      use(to), use(ref), use(at), use(factoryId_), use(id), use(from);
  return update.execute() == 1;
}

bool TaskStore::take(std::int64_t id, std::int64_t runnerId) {
  std::string to = kTaken, from = kPublished;
  std::int64_t at = clock_.nowMs();
  Poco::Data::Statement update(session_);
  update << "UPDATE errands_tasks SET status = $1, runner_id = $2, taken_at = $3 "
            "WHERE factory_id = $4 AND id = $5 AND status = $6",
      use(to), use(runnerId), use(at), use(factoryId_), use(id), use(from);
  return update.execute() == 1;
}

bool TaskStore::deliver(std::int64_t id, std::int64_t runnerId) {
  std::string to = kDelivered, from = kTaken;
  std::int64_t at = clock_.nowMs();
  Poco::Data::Statement update(session_);
  update << "UPDATE errands_tasks SET status = $1, delivered_at = $2 "
            "WHERE factory_id = $3 AND id = $4 AND runner_id = $5 AND status = $6",
      use(to), use(at), use(factoryId_), use(id), use(runnerId), use(from);
  return update.execute() == 1;
}

bool TaskStore::complete(std::int64_t id, sdk::Fen commission, sdk::Fen payout) {
  std::string to = kCompleted, from = kDelivered;
  std::int64_t at = clock_.nowMs();
  Poco::Data::Statement update(session_);
  update << "UPDATE errands_tasks SET status = $1, commission = $2, payout = $3, closed_at = $4 "
            "WHERE factory_id = $5 AND id = $6 AND status = $7",
      use(to), use(commission), use(payout), use(at), use(factoryId_), use(id), use(from);
  return update.execute() == 1;
}

bool TaskStore::close(std::int64_t id, const std::string& from, const std::string& to) {
  std::string f = from, t = to;
  std::int64_t at = clock_.nowMs();
  Poco::Data::Statement update(session_);
  update << "UPDATE errands_tasks SET status = $1, closed_at = $2 WHERE factory_id = $3 AND id = $4 AND status = $5",
      use(t), use(at), use(factoryId_), use(id), use(f);
  return update.execute() == 1;
}

}  // namespace paynext::plugins::errands
