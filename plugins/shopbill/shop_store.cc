#include "shop_store.h"

#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

namespace paynext::plugins::shopbill {

using namespace Poco::Data::Keywords;

namespace {

using Row = Poco::Tuple<Poco::Int64, std::string, int, int, std::string, Poco::Int64, Poco::Int64, Poco::Int64,
                        Poco::Int64>;

const std::string kColumns =
    "SELECT id, name, enabled, percent_off, tiers, date_start, date_end, created_at, updated_at "
    "FROM shopbill_shops ";

std::vector<Shop> fromRows(const std::vector<Row>& rows) {
  std::vector<Shop> out;
  for (const auto& r : rows) {
    Shop s;
    s.id = r.get<0>();
    s.name = r.get<1>();
    s.enabled = r.get<2>() != 0;
    s.rule = DiscountRule{r.get<3>(), decodeTiers(r.get<4>()), r.get<5>(), r.get<6>()};
    s.createdAt = r.get<7>();
    s.updatedAt = r.get<8>();
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

ShopStore::ShopStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock)
    : session_(session), factoryId_(factoryId), clock_(clock) {}

Shop ShopStore::create(Shop shop) {
  shop.createdAt = shop.updatedAt = clock_.nowMs();
  int enabled = shop.enabled ? 1 : 0;
  std::string tiers = encodeTiers(shop.rule.tiers);
  session_ << "INSERT INTO shopbill_shops (factory_id, name, enabled, percent_off, tiers, date_start, date_end, "
              "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
      use(factoryId_), use(shop.name), use(enabled), use(shop.rule.percentOff), use(tiers), use(shop.rule.dateStart),
      use(shop.rule.dateEnd), use(shop.createdAt), use(shop.updatedAt), into(shop.id), now;
  return shop;
}

bool ShopStore::update(Shop& shop) {
  const auto existing = find(shop.id);
  if (!existing) return false;
  shop.createdAt = existing->createdAt;
  shop.updatedAt = clock_.nowMs();
  int enabled = shop.enabled ? 1 : 0;
  std::string tiers = encodeTiers(shop.rule.tiers);
  session_ << "UPDATE shopbill_shops SET name = $1, enabled = $2, percent_off = $3, tiers = $4, date_start = $5, "
              "date_end = $6, updated_at = $7 WHERE id = $8 AND factory_id = $9",
      use(shop.name), use(enabled), use(shop.rule.percentOff), use(tiers), use(shop.rule.dateStart),
      use(shop.rule.dateEnd), use(shop.updatedAt), use(shop.id), use(factoryId_), now;
  return true;
}

std::optional<Shop> ShopStore::find(std::int64_t id) {
  std::vector<Row> rows;
  session_ << kColumns + "WHERE id = $1 AND factory_id = $2", use(id), use(factoryId_), into(rows), now;
  if (rows.empty()) return std::nullopt;
  return fromRows(rows).front();
}

std::vector<Shop> ShopStore::list(bool enabledOnly, int offset, int limit) {
  std::vector<Row> rows;
  int onlyEnabled = enabledOnly ? 1 : 0;
  session_ << kColumns + "WHERE factory_id = $1 AND (CAST($2 AS INTEGER) = 0 OR enabled = 1) ORDER BY id LIMIT $3 OFFSET $4",
      use(factoryId_), use(onlyEnabled), use(limit), use(offset), into(rows), now;
  return fromRows(rows);
}

}  // namespace paynext::plugins::shopbill
