#include "item_store.h"

#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

namespace paynext::plugins::knowledge {

using namespace Poco::Data::Keywords;

namespace {

using Row = Poco::Tuple<Poco::Int64, std::string, std::string, Poco::Int64, std::string, int, Poco::Int64, Poco::Int64>;

const std::string kColumns =
    "SELECT id, title, summary, price, content, on_sale, created_at, updated_at FROM knowledge_items ";

std::vector<Item> fromRows(const std::vector<Row>& rows) {
  std::vector<Item> out;
  for (const auto& r : rows) {
    out.push_back({r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>(), r.get<4>(), r.get<5>() != 0, r.get<6>(),
                   r.get<7>()});
  }
  return out;
}

}  // namespace

ItemStore::ItemStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock)
    : session_(session), factoryId_(factoryId), clock_(clock) {}

Item ItemStore::create(Item item) {
  item.createdAt = item.updatedAt = clock_.nowMs();
  int onSale = item.onSale ? 1 : 0;
  session_ << "INSERT INTO knowledge_items (factory_id, title, summary, price, content, on_sale, created_at, "
              "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
      use(factoryId_), use(item.title), use(item.summary), use(item.price), use(item.content), use(onSale),
      use(item.createdAt), use(item.updatedAt), into(item.id), now;
  return item;
}

bool ItemStore::update(Item& item) {
  const auto existing = find(item.id);
  if (!existing) return false;
  item.createdAt = existing->createdAt;
  item.updatedAt = clock_.nowMs();
  int onSale = item.onSale ? 1 : 0;
  session_ << "UPDATE knowledge_items SET title = $1, summary = $2, price = $3, content = $4, on_sale = $5, "
              "updated_at = $6 WHERE id = $7 AND factory_id = $8",
      use(item.title), use(item.summary), use(item.price), use(item.content), use(onSale), use(item.updatedAt),
      use(item.id), use(factoryId_), now;
  return true;
}

std::optional<Item> ItemStore::find(std::int64_t id) {
  std::vector<Row> rows;
  session_ << kColumns + "WHERE id = $1 AND factory_id = $2", use(id), use(factoryId_), into(rows), now;
  if (rows.empty()) return std::nullopt;
  return fromRows(rows).front();
}

std::vector<Item> ItemStore::list(bool onSaleOnly, int offset, int limit) {
  std::vector<Row> rows;
  if (onSaleOnly) {
    session_ << kColumns + "WHERE factory_id = $1 AND on_sale = 1 ORDER BY id LIMIT $2 OFFSET $3", use(factoryId_),
        use(limit), use(offset), into(rows), now;
  } else {
    session_ << kColumns + "WHERE factory_id = $1 ORDER BY id LIMIT $2 OFFSET $3", use(factoryId_), use(limit),
        use(offset), into(rows), now;
  }
  return fromRows(rows);
}

}  // namespace paynext::plugins::knowledge
