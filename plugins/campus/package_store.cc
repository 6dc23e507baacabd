#include "package_store.h"

#include <map>

#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

namespace paynext::plugins::campus {

using namespace Poco::Data::Keywords;

namespace {

using PackageRow = Poco::Tuple<std::string, Poco::Int64, std::string, std::string, Poco::Int64, Poco::Int64,
                               std::string, Poco::Int64, Poco::Int64, Poco::Int64>;
using DetailRow = Poco::Tuple<std::string, std::string, std::string, std::string>;

const std::string kPackageColumns =
    "SELECT id, type, item_name, item_price, price, duration_days, description, for_buy, for_upgrade, enabled "
    "FROM campus_packages WHERE factory_id = $1";
const std::string kDetailColumns =
    "SELECT package_id, icon, title, content FROM campus_package_details WHERE factory_id = $1";

}  // namespace

std::vector<Package> PackageStore::load(const std::string* onlyId) {
  std::vector<PackageRow> rows;
  std::vector<DetailRow> detailRows;
  if (onlyId) {
    std::string id = *onlyId;
    session_ << kPackageColumns + " AND id = $2", use(factoryId_), use(id), into(rows), now;
    session_ << kDetailColumns + " AND package_id = $2 ORDER BY position", use(factoryId_), use(id), into(detailRows),
        now;
  } else {
    session_ << kPackageColumns + " ORDER BY id", use(factoryId_), into(rows), now;
    session_ << kDetailColumns + " ORDER BY package_id, position", use(factoryId_), into(detailRows), now;
  }
  std::map<std::string, std::vector<PackageDetail>> details;
  for (const auto& d : detailRows) details[d.get<0>()].push_back({d.get<1>(), d.get<2>(), d.get<3>()});
  std::vector<Package> out;
  for (const auto& r : rows) {
    Package pkg;
    pkg.id = r.get<0>();
    pkg.type = static_cast<int>(r.get<1>());
    pkg.itemName = r.get<2>();
    pkg.itemPrice = r.get<3>();
    pkg.price = r.get<4>();
    pkg.durationDays = static_cast<int>(r.get<5>());
    pkg.description = r.get<6>();
    pkg.forBuy = r.get<7>() != 0;
    pkg.forUpgrade = r.get<8>() != 0;
    pkg.enabled = r.get<9>() != 0;
    pkg.details = std::move(details[pkg.id]);
    out.push_back(std::move(pkg));
  }
  return out;
}

std::vector<Package> PackageStore::list() { return load(nullptr); }

std::optional<Package> PackageStore::find(const std::string& id) {
  auto found = load(&id);
  if (found.empty()) return std::nullopt;
  return found.front();
}

void PackageStore::save(const Package& package) {
  remove(package.id);
  Package p = package;  // Poco's use() binds non-const lvalues
  Poco::Int64 type = p.type, days = p.durationDays, forBuy = p.forBuy, forUpgrade = p.forUpgrade,
              enabled = p.enabled;
  session_ << "INSERT INTO campus_packages (factory_id, id, type, item_name, item_price, price, duration_days, "
              "description, for_buy, for_upgrade, enabled) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
      use(factoryId_), use(p.id), use(type), use(p.itemName), use(p.itemPrice), use(p.price), use(days),
      use(p.description), use(forBuy), use(forUpgrade), use(enabled), now;
  for (std::size_t i = 0; i < p.details.size(); ++i) {
    Poco::Int64 position = static_cast<Poco::Int64>(i);
    auto& d = p.details[i];
    session_ << "INSERT INTO campus_package_details (factory_id, package_id, position, icon, title, content) "
                "VALUES ($1, $2, $3, $4, $5, $6)",
        use(factoryId_), use(p.id), use(position), use(d.icon), use(d.title), use(d.content), now;
  }
}

bool PackageStore::remove(const std::string& id) {
  std::string key = id;
  session_ << "DELETE FROM campus_package_details WHERE factory_id = $1 AND package_id = $2", use(factoryId_), use(key),
      now;
  Poco::Data::Statement del(session_);
  del << "DELETE FROM campus_packages WHERE factory_id = $1 AND id = $2", use(factoryId_), use(key);
  return del.execute() > 0;
}

}  // namespace paynext::plugins::campus
