#include "service_store.h"

#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

namespace paynext::plugins::addbell {

using namespace Poco::Data::Keywords;

namespace {

using Row = Poco::Tuple<Poco::Int64, std::string, Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, int,
                        Poco::Int64, Poco::Int64, Poco::Int64>;

const std::string kColumns =
    "SELECT id, name, base_minutes, base_price, unit_minutes, unit_price, add_enabled, max_units, created_at, "
    "updated_at FROM addbell_services ";

std::vector<Service> fromRows(const std::vector<Row>& rows) {
  std::vector<Service> out;
  for (const auto& r : rows) {
    out.push_back({r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>(), r.get<4>(), r.get<5>(), r.get<6>() != 0,
                   r.get<7>(), r.get<8>(), r.get<9>()});
  }
  return out;
}

}  // namespace

ServiceStore::ServiceStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock)
    : session_(session), factoryId_(factoryId), clock_(clock) {}

Service ServiceStore::create(Service s) {
  s.createdAt = s.updatedAt = clock_.nowMs();
  int enabled = s.addEnabled ? 1 : 0;
  session_ << "INSERT INTO addbell_services (factory_id, name, base_minutes, base_price, unit_minutes, unit_price, "
              "add_enabled, max_units, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
              "RETURNING id",
      use(factoryId_), use(s.name), use(s.baseMinutes), use(s.basePrice), use(s.unitMinutes), use(s.unitPrice),
      use(enabled), use(s.maxUnits), use(s.createdAt), use(s.updatedAt), into(s.id), now;
  return s;
}

bool ServiceStore::update(Service& s) {
  const auto old = find(s.id);
  if (!old) return false;
  s.createdAt = old->createdAt;
  s.updatedAt = clock_.nowMs();
  int enabled = s.addEnabled ? 1 : 0;
  Poco::Data::Statement update(session_);
  update << "UPDATE addbell_services SET name = $1, base_minutes = $2, base_price = $3, unit_minutes = $4, "
            "unit_price = $5, add_enabled = $6, max_units = $7, updated_at = $8 WHERE id = $9 AND factory_id = $10",
      use(s.name), use(s.baseMinutes), use(s.basePrice), use(s.unitMinutes), use(s.unitPrice), use(enabled),
      use(s.maxUnits), use(s.updatedAt), use(s.id), use(factoryId_);
  return update.execute() == 1;
}

std::optional<Service> ServiceStore::find(std::int64_t id) {
  std::vector<Row> rows;
  session_ << kColumns + "WHERE id = $1 AND factory_id = $2", use(id), use(factoryId_), into(rows), now;
  if (rows.empty()) return std::nullopt;
  return fromRows(rows).front();
}

std::vector<Service> ServiceStore::list(int offset, int limit) {
  std::vector<Row> rows;
  session_ << kColumns + "WHERE factory_id = $1 ORDER BY id LIMIT $2 OFFSET $3", use(factoryId_), use(limit),
      use(offset), into(rows), now;
  return fromRows(rows);
}

}  // namespace paynext::plugins::addbell
