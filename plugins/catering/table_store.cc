#include "table_store.h"

#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

#include "paynext/sdk/errors.h"

namespace paynext::plugins::catering {

using namespace Poco::Data::Keywords;

namespace {

using Row = Poco::Tuple<Poco::Int64, std::string, std::string, Poco::Int64>;

const std::string kColumns = "SELECT id, name, code, created_at FROM catering_tables ";

std::vector<DiningTable> fromRows(const std::vector<Row>& rows) {
  std::vector<DiningTable> out;
  for (const auto& r : rows) out.push_back({r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>()});
  return out;
}

}  // namespace

TableStore::TableStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock)
    : session_(session), factoryId_(factoryId), clock_(clock) {}

void TableStore::requireFreeCode(const std::string& code, std::int64_t except) {
  const auto other = findByCode(code);
  if (other && other->id != except) {
    throw sdk::Error(409, "餐桌码 " + code + " 已被餐桌「" + other->name + "」使用");
  }
}

DiningTable TableStore::create(DiningTable table) {
  requireFreeCode(table.code, 0);
  table.createdAt = clock_.nowMs();
  session_ << "INSERT INTO catering_tables (factory_id, name, code, created_at) VALUES ($1, $2, $3, $4) "
              "RETURNING id",
      use(factoryId_), use(table.name), use(table.code), use(table.createdAt), into(table.id), now;
  return table;
}

bool TableStore::update(DiningTable& table) {
  const auto existing = find(table.id);
  if (!existing) return false;
  requireFreeCode(table.code, table.id);
  table.createdAt = existing->createdAt;
  session_ << "UPDATE catering_tables SET name = $1, code = $2 WHERE id = $3 AND factory_id = $4", use(table.name),
      use(table.code), use(table.id), use(factoryId_), now;
  return true;
}

std::optional<DiningTable> TableStore::find(std::int64_t id) {
  std::vector<Row> rows;
  session_ << kColumns + "WHERE id = $1 AND factory_id = $2", use(id), use(factoryId_), into(rows), now;
  if (rows.empty()) return std::nullopt;
  return fromRows(rows).front();
}

std::optional<DiningTable> TableStore::findByCode(const std::string& code) {
  std::vector<Row> rows;
  std::string c = code;
  session_ << kColumns + "WHERE code = $1 AND factory_id = $2", use(c), use(factoryId_), into(rows), now;
  if (rows.empty()) return std::nullopt;
  return fromRows(rows).front();
}

std::vector<DiningTable> TableStore::list(int offset, int limit) {
  std::vector<Row> rows;
  session_ << kColumns + "WHERE factory_id = $1 ORDER BY id LIMIT $2 OFFSET $3", use(factoryId_), use(limit),
      use(offset), into(rows), now;
  return fromRows(rows);
}

}  // namespace paynext::plugins::catering
