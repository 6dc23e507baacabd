#include "signup_store.h"

#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

namespace paynext::plugins::cpmatch {

using namespace Poco::Data::Keywords;

namespace {

using Row = Poco::Tuple<Poco::Int64, Poco::Int64, Poco::Int64, int, std::string, Poco::Int64, std::string,
                        Poco::Int64, Poco::Int64, std::string, Poco::Int64>;

const std::string kColumns =
    "SELECT id, activity_id, user_id, gender, status, amount, reference, created_at, admitted_at, pair_status, "
    "match_user_id FROM cpmatch_signups ";

std::vector<Signup> fromRows(const std::vector<Row>& rows) {
  std::vector<Signup> out;
  for (const auto& r : rows) {
    out.push_back({r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>(), r.get<4>(), r.get<5>(), r.get<6>(), r.get<7>(),
                   r.get<8>(), r.get<9>(), r.get<10>()});
  }
  return out;
}

std::optional<Signup> first(const std::vector<Row>& rows) {
  if (rows.empty()) return std::nullopt;
  return fromRows(rows).front();
}

}  // namespace

Signup SignupStore::create(std::int64_t userId, std::int64_t activityId, int gender) {
  Signup s{0, activityId, userId, gender, kPending, 0, "", clock_.nowMs(), 0, "", 0};
  session_ << "INSERT INTO cpmatch_signups (factory_id, activity_id, user_id, gender, status, created_at) "
              "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
      use(factoryId_), use(s.activityId), use(s.userId), use(s.gender), use(s.status), use(s.createdAt), into(s.id),
      now;
  return s;
}

std::optional<Signup> SignupStore::find(std::int64_t id) {
  std::vector<Row> rows;
  session_ << kColumns + "WHERE id = $1 AND factory_id = $2", use(id), use(factoryId_), into(rows), now;
  return first(rows);
}

std::optional<Signup> SignupStore::findFor(std::int64_t userId, std::int64_t activityId) {
  std::vector<Row> rows;
  session_ << kColumns + "WHERE factory_id = $1 AND user_id = $2 AND activity_id = $3", use(factoryId_), use(userId),
      use(activityId), into(rows), now;
  return first(rows);
}

bool SignupStore::restate(std::int64_t id, int gender) {
  std::string pending = kPending;
  Poco::Data::Statement update(session_);
  update << "UPDATE cpmatch_signups SET gender = $1 WHERE id = $2 AND factory_id = $3 AND status = $4", use(gender),
      use(id), use(factoryId_), use(pending);
  return update.execute() == 1;
}

std::vector<Signup> SignupStore::list(std::int64_t userId, std::int64_t activityId, const std::string& status,
                                      int offset, int limit) {
  std::vector<Row> rows;
  std::string s = status;
  // 0 and "" match everything, so one statement serves admins and users; the
  // casts tell PostgreSQL the parameters' types.
  session_ << kColumns +
                  "WHERE factory_id = $1 AND (CAST($2 AS BIGINT) = 0 OR user_id = $2) "
                  "AND (CAST($3 AS BIGINT) = 0 OR activity_id = $3) AND (CAST($4 AS TEXT) = '' OR status = $4) "
                  "ORDER BY id DESC LIMIT $5 OFFSET $6",
      use(factoryId_), use(userId), use(activityId), use(s), use(limit), use(offset), into(rows), now;
  return fromRows(rows);
}

std::vector<Signup> SignupStore::admitted(std::int64_t activityId) {
  std::vector<Row> rows;
  std::string admitted = kAdmitted;
  session_ << kColumns + "WHERE factory_id = $1 AND activity_id = $2 AND status = $3 ORDER BY id", use(factoryId_),
      use(activityId), use(admitted), into(rows), now;
  return fromRows(rows);
}

bool SignupStore::admit(std::int64_t id, const std::string& reference, sdk::Fen amount) {
  std::string admitted = kAdmitted;
  std::string pending = kPending;
  std::string ref = reference;
  Poco::Int64 at = clock_.nowMs();
  Poco::Data::Statement update(session_);
  update << "UPDATE cpmatch_signups SET status = $1, reference = $2, amount = $3, admitted_at = $4 "
            "WHERE id = $5 AND factory_id = $6 AND status = $7",
      use(admitted), use(ref), use(amount), use(at), use(id), use(factoryId_), use(pending);
  return update.execute() == 1;
}

void SignupStore::setPair(std::int64_t id, const std::string& pairStatus, std::int64_t matchUserId) {
  std::string status = pairStatus;
  session_ << "UPDATE cpmatch_signups SET pair_status = $1, match_user_id = $2 WHERE id = $3 AND factory_id = $4",
      use(status), use(matchUserId), use(id), use(factoryId_), now;
}

}  // namespace paynext::plugins::cpmatch
