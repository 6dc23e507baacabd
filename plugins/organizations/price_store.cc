#include "price_store.h"

#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

namespace paynext::plugins::organizations {

using namespace Poco::Data::Keywords;

namespace {

using Row = Poco::Tuple<Poco::Int64, std::string, Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64,
                        Poco::Int64>;

const std::string kColumns =
    "SELECT id, name, member_cap, days, price, on_sale, created_at, updated_at FROM organizations_prices ";

std::vector<PriceItem> fromRows(const std::vector<Row>& rows) {
  std::vector<PriceItem> out;
  for (const auto& r : rows) {
    out.push_back({r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>(), r.get<4>(), r.get<5>() != 0, r.get<6>(),
                   r.get<7>()});
  }
  return out;
}

}  // namespace

PriceStore::PriceStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock)
    : session_(session), factoryId_(factoryId), clock_(clock) {}

PriceItem PriceStore::create(PriceItem item) {
  item.createdAt = item.updatedAt = clock_.nowMs();
  Poco::Int64 onSale = item.onSale ? 1 : 0;
  session_ << "INSERT INTO organizations_prices (factory_id, name, member_cap, days, price, on_sale, created_at, "
              "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
      use(factoryId_), use(item.name), use(item.memberCap), use(item.days), use(item.price), use(onSale),
      use(item.createdAt), use(item.updatedAt), into(item.id), now;
  return item;
}

bool PriceStore::update(const PriceItem& item) {
  PriceItem i = item;
  i.updatedAt = clock_.nowMs();
  Poco::Int64 onSale = i.onSale ? 1 : 0;
  Poco::Data::Statement update(session_);
  update << "UPDATE organizations_prices SET name = $1, member_cap = $2, days = $3, price = $4, on_sale = $5, "
            "updated_at = $6 WHERE id = $7 AND factory_id = $8",
      use(i.name), use(i.memberCap), use(i.days), use(i.price), use(onSale), use(i.updatedAt), use(i.id),
      use(factoryId_);
  return update.execute() == 1;
}

std::optional<PriceItem> PriceStore::find(std::int64_t id) {
  std::vector<Row> rows;
  session_ << kColumns + "WHERE id = $1 AND factory_id = $2", use(id), use(factoryId_), into(rows), now;
  if (rows.empty()) return std::nullopt;
  return fromRows(rows).front();
}

std::vector<PriceItem> PriceStore::list(bool onSaleOnly, int offset, int limit) {
  std::vector<Row> rows;
  Poco::Int64 saleOnly = onSaleOnly ? 1 : 0;
  session_ << kColumns +
                  "WHERE factory_id = $1 AND (CAST($2 AS BIGINT) = 0 OR on_sale = 1) "
                  "ORDER BY member_cap, id LIMIT $3 OFFSET $4",
      use(factoryId_), use(saleOnly), use(limit), use(offset), into(rows), now;
  return fromRows(rows);
}

}  // namespace paynext::plugins::organizations
