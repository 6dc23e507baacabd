#include "catalog_store.h"

#include <Poco/Tuple.h>

namespace paynext::plugins::membership {

using namespace Poco::Data::Keywords;

namespace {

using LevelRow = Poco::Tuple<Poco::Int64, std::string, std::string, Poco::Int64>;
using PriceRow = Poco::Tuple<Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64>;

const std::string kLevelColumns = "SELECT id, name, description, created_at FROM membership_levels ";
const std::string kPriceColumns =
    "SELECT id, level_id, days, price, auto_renew, enabled, created_at FROM membership_prices ";

std::vector<Level> levelsOf(const std::vector<LevelRow>& rows) {
  std::vector<Level> out;
  for (const auto& r : rows) out.push_back({r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>()});
  return out;
}

std::vector<PriceItem> pricesOf(const std::vector<PriceRow>& rows) {
  std::vector<PriceItem> out;
  for (const auto& r : rows) {
    out.push_back({r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>(), r.get<4>() != 0, r.get<5>() != 0, r.get<6>()});
  }
  return out;
}

}  // namespace

CatalogStore::CatalogStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock)
    : session_(session), factoryId_(factoryId), clock_(clock) {}

Level CatalogStore::createLevel(Level level) {
  level.createdAt = clock_.nowMs();
  session_ << "INSERT INTO membership_levels (factory_id, name, description, created_at) VALUES ($1, $2, $3, $4) "
              "RETURNING id",
      use(factoryId_), use(level.name), use(level.description), use(level.createdAt), into(level.id), now;
  return level;
}

bool CatalogStore::updateLevel(const Level& level) {
  Level l = level;
  Poco::Data::Statement update(session_);
  update << "UPDATE membership_levels SET name = $1, description = $2 WHERE id = $3 AND factory_id = $4",
      use(l.name), use(l.description), use(l.id), use(factoryId_);
  return update.execute() == 1;
}

std::optional<Level> CatalogStore::findLevel(std::int64_t id) {
  std::vector<LevelRow> rows;
  session_ << kLevelColumns + "WHERE id = $1 AND factory_id = $2", use(id), use(factoryId_), into(rows), now;
  if (rows.empty()) return std::nullopt;
  return levelsOf(rows).front();
}

std::vector<Level> CatalogStore::levels() {
  std::vector<LevelRow> rows;
  session_ << kLevelColumns + "WHERE factory_id = $1 ORDER BY id", use(factoryId_), into(rows), now;
  return levelsOf(rows);
}

PriceItem CatalogStore::createPrice(PriceItem item) {
  item.createdAt = clock_.nowMs();
  Poco::Int64 autoRenew = item.autoRenew ? 1 : 0, enabled = item.enabled ? 1 : 0;
  session_ << "INSERT INTO membership_prices (factory_id, level_id, days, price, auto_renew, enabled, created_at) "
              "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
      use(factoryId_), use(item.levelId), use(item.days), use(item.price), use(autoRenew), use(enabled),
      use(item.createdAt), into(item.id), now;
  return item;
}

bool CatalogStore::updatePrice(const PriceItem& item) {
  PriceItem i = item;
  Poco::Int64 autoRenew = i.autoRenew ? 1 : 0, enabled = i.enabled ? 1 : 0;
  Poco::Data::Statement update(session_);
  update << "UPDATE membership_prices SET level_id = $1, days = $2, price = $3, auto_renew = $4, enabled = $5 "
            "WHERE id = $6 AND factory_id = $7",
      use(i.levelId), use(i.days), use(i.price), use(autoRenew), use(enabled), use(i.id), use(factoryId_);
  return update.execute() == 1;
}

std::optional<PriceItem> CatalogStore::findPrice(std::int64_t id) {
  std::vector<PriceRow> rows;
  session_ << kPriceColumns + "WHERE id = $1 AND factory_id = $2", use(id), use(factoryId_), into(rows), now;
  if (rows.empty()) return std::nullopt;
  return pricesOf(rows).front();
}

std::vector<PriceItem> CatalogStore::prices(std::optional<std::int64_t> levelId) {
  std::vector<PriceRow> rows;
  if (levelId) {
    Poco::Int64 level = *levelId;
    session_ << kPriceColumns + "WHERE factory_id = $1 AND level_id = $2 ORDER BY id", use(factoryId_), use(level),
        into(rows), now;
  } else {
    session_ << kPriceColumns + "WHERE factory_id = $1 ORDER BY id", use(factoryId_), into(rows), now;
  }
  return pricesOf(rows);
}

}  // namespace paynext::plugins::membership
