#include "application_store.h"

#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

namespace paynext::plugins::enroll {

using namespace Poco::Data::Keywords;

namespace {

using Row = Poco::Tuple<Poco::Int64, Poco::Int64, Poco::Int64, std::string, std::string, Poco::Int64, std::string,
                        Poco::Int64, Poco::Int64, Poco::Int64>;

const std::string kColumns =
    "SELECT id, project_id, user_id, answers, status, amount, reference, created_at, paid_at, cancelled_at "
    "FROM enroll_applications ";

std::vector<Application> fromRows(const std::vector<Row>& rows) {
  std::vector<Application> out;
  for (const auto& r : rows) {
    out.push_back({r.get<0>(), r.get<1>(), r.get<2>(), answersOfText(r.get<3>()), r.get<4>(), r.get<5>(), r.get<6>(),
                   r.get<7>(), r.get<8>(), r.get<9>()});
  }
  return out;
}

std::optional<Application> first(const std::vector<Row>& rows) {
  if (rows.empty()) return std::nullopt;
  return fromRows(rows).front();
}

}  // namespace

ApplicationStore::ApplicationStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock)
    : session_(session), factoryId_(factoryId), clock_(clock) {}

Application ApplicationStore::create(std::int64_t userId, std::int64_t projectId, const Answers& answers) {
  Application a{0, projectId, userId, answers, kUnpaid, 0, "", clock_.nowMs(), 0, 0};
  std::string text = answersText(answers);
  session_ << "INSERT INTO enroll_applications (factory_id, project_id, user_id, answers, status, created_at) "
              "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
      use(factoryId_), use(a.projectId), use(a.userId), use(text), use(a.status), use(a.createdAt), into(a.id), now;
  return a;
}

bool ApplicationStore::updateAnswers(std::int64_t userId, std::int64_t id, const Answers& answers) {
  std::string text = answersText(answers), unpaid = kUnpaid;
  Poco::Data::Statement update(session_);
  update << "UPDATE enroll_applications SET answers = $1 WHERE id = $2 AND factory_id = $3 AND user_id = $4 "
            "AND status = $5",
      use(text), use(id), use(factoryId_), use(userId), use(unpaid);
  return update.execute() == 1;
}

std::optional<Application> ApplicationStore::find(std::int64_t id) {
  std::vector<Row> rows;
  session_ << kColumns + "WHERE id = $1 AND factory_id = $2", use(id), use(factoryId_), into(rows), now;
  return first(rows);
}

std::optional<Application> ApplicationStore::findForUser(std::int64_t userId, std::int64_t id) {
  std::vector<Row> rows;
  session_ << kColumns + "WHERE id = $1 AND factory_id = $2 AND user_id = $3", use(id), use(factoryId_), use(userId),
      into(rows), now;
  return first(rows);
}

std::optional<Application> ApplicationStore::findLive(std::int64_t userId, std::int64_t projectId) {
  std::vector<Row> rows;
  std::string cancelled = kCancelled;
  session_ << kColumns + "WHERE factory_id = $1 AND user_id = $2 AND project_id = $3 AND status <> $4", use(factoryId_),
      use(userId), use(projectId), use(cancelled), into(rows), now;
  return first(rows);
}

std::vector<Application> ApplicationStore::list(const ApplicationFilter& filter, int offset, int limit) {
  std::vector<Row> rows;
  Poco::Int64 userId = filter.userId, projectId = filter.projectId;
  std::string status = filter.status;
  // 0 and "" match everything, so one statement serves every filter; the casts
  // tell PostgreSQL the parameters' types.
  session_ << kColumns +
                  "WHERE factory_id = $1 AND (CAST($2 AS BIGINT) = 0 OR user_id = $2) "
                  "AND (CAST($3 AS BIGINT) = 0 OR project_id = $3) AND (CAST($4 AS TEXT) = '' OR status = $4) "
                  "ORDER BY id DESC LIMIT $5 OFFSET $6",
      use(factoryId_), use(userId), use(projectId), use(status), use(limit), use(offset), into(rows), now;
  return fromRows(rows);
}

bool ApplicationStore::markPaid(std::int64_t userId, std::int64_t id, sdk::Fen amount, const std::string& reference) {
  std::string paid = kPaid, unpaid = kUnpaid, ref = reference;
  Poco::Int64 at = clock_.nowMs();
  Poco::Data::Statement update(session_);
  update << "UPDATE enroll_applications SET status = $1, amount = $2, reference = $3, paid_at = $4 "
            "WHERE id = $5 AND factory_id = $6 AND user_id = $7 AND status = $8",
      use(paid), use(amount), use(ref), use(at), use(id), use(factoryId_), use(userId), use(unpaid);
  return update.execute() == 1;
}

bool ApplicationStore::cancel(std::int64_t userId, std::int64_t id) {
  std::string cancelled = kCancelled, unpaid = kUnpaid;
  Poco::Int64 at = clock_.nowMs();
  Poco::Data::Statement update(session_);
  update << "UPDATE enroll_applications SET status = $1, cancelled_at = $2 "
            "WHERE id = $3 AND factory_id = $4 AND user_id = $5 AND status = $6",
      use(cancelled), use(at), use(id), use(factoryId_), use(userId), use(unpaid);
  return update.execute() == 1;
}

}  // namespace paynext::plugins::enroll
