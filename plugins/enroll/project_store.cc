#include "project_store.h"

#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

namespace paynext::plugins::enroll {

using namespace Poco::Data::Keywords;

namespace {

using Row = Poco::Tuple<Poco::Int64, std::string, std::string, Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64,
                        std::string, int, Poco::Int64, Poco::Int64>;

const std::string kColumns =
    "SELECT id, title, description, fee, capacity, paid, deadline, fields, enabled, created_at, updated_at "
    "FROM enroll_projects ";

std::vector<Project> fromRows(const std::vector<Row>& rows) {
  std::vector<Project> out;
  for (const auto& r : rows) {
    out.push_back({r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>(), r.get<4>(), r.get<5>(), r.get<6>(),
                   fieldsOfText(r.get<7>()), r.get<8>() != 0, r.get<9>(), r.get<10>()});
  }
  return out;
}

}  // namespace

ProjectStore::ProjectStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock)
    : session_(session), factoryId_(factoryId), clock_(clock) {}

Project ProjectStore::create(Project project) {
  project.createdAt = project.updatedAt = clock_.nowMs();
  project.paid = 0;
  std::string fields = fieldsText(project.fields);
  int enabled = project.enabled ? 1 : 0;
  session_ << "INSERT INTO enroll_projects (factory_id, title, description, fee, capacity, paid, deadline, fields, "
              "enabled, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 0, $6, $7, $8, $9, $10) RETURNING id",
      use(factoryId_), use(project.title), use(project.description), use(project.fee), use(project.capacity),
      use(project.deadline), use(fields), use(enabled), use(project.createdAt), use(project.updatedAt),
      into(project.id), now;
  return project;
}

bool ProjectStore::update(Project& project) {
  const auto existing = find(project.id);
  if (!existing) return false;
  project.createdAt = existing->createdAt;
  project.updatedAt = clock_.nowMs();
  std::string fields = fieldsText(project.fields);
  int enabled = project.enabled ? 1 : 0;
  session_ << "UPDATE enroll_projects SET title = $1, description = $2, fee = $3, capacity = $4, deadline = $5, "
              "fields = $6, enabled = $7, updated_at = $8 WHERE id = $9 AND factory_id = $10",
      use(project.title), use(project.description), use(project.fee), use(project.capacity), use(project.deadline),
      use(fields), use(enabled), use(project.updatedAt), use(project.id), use(factoryId_), now;
  project.paid = existing->paid;
  return true;
}

std::optional<Project> ProjectStore::find(std::int64_t id) {
  std::vector<Row> rows;
  session_ << kColumns + "WHERE id = $1 AND factory_id = $2", use(id), use(factoryId_), into(rows), now;
  if (rows.empty()) return std::nullopt;
  return fromRows(rows).front();
}

std::vector<Project> ProjectStore::list(bool enabledOnly, int offset, int limit) {
  std::vector<Row> rows;
  int onlyEnabled = enabledOnly ? 1 : 0;
  session_ << kColumns +
                  "WHERE factory_id = $1 AND (CAST($2 AS INTEGER) = 0 OR enabled = 1) ORDER BY id LIMIT $3 OFFSET $4",
      use(factoryId_), use(onlyEnabled), use(limit), use(offset), into(rows), now;
  return fromRows(rows);
}

bool ProjectStore::takeSeat(std::int64_t id) {
  Poco::Int64 at = clock_.nowMs();
  Poco::Data::Statement update(session_);
  update << "UPDATE enroll_projects SET paid = paid + 1 WHERE id = $1 AND factory_id = $2 AND enabled = 1 "
            "AND paid < capacity AND (deadline = 0 OR deadline >= $3)",
      use(id), use(factoryId_), use(at);
  return update.execute() == 1;
}

}  // namespace paynext::plugins::enroll
