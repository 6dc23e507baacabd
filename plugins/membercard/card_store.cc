#include "card_store.h"

#include <Poco/Tuple.h>

namespace paynext::plugins::membercard {

using namespace Poco::Data::Keywords;

namespace {

using Row = Poco::Tuple<Poco::Int64, std::string, Poco::Int64, Poco::Int64, std::string, int, Poco::Int64, Poco::Int64>;

const std::string kColumns =
    "SELECT id, name, price, days, benefits, on_sale, created_at, updated_at FROM membercard_cards ";

std::vector<Card> fromRows(const std::vector<Row>& rows) {
  std::vector<Card> out;
  for (const auto& r : rows) {
    out.push_back({r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>(), r.get<4>(), r.get<5>() != 0, r.get<6>(),
                   r.get<7>()});
  }
  return out;
}

}  // namespace

CardStore::CardStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock)
    : session_(session), factoryId_(factoryId), clock_(clock) {}

Card CardStore::create(Card card) {
  card.createdAt = card.updatedAt = clock_.nowMs();
  int onSale = card.onSale ? 1 : 0;
  session_ << "INSERT INTO membercard_cards (factory_id, name, price, days, benefits, on_sale, created_at, "
              "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
      use(factoryId_), use(card.name), use(card.price), use(card.days), use(card.benefits), use(onSale),
      use(card.createdAt), use(card.updatedAt), into(card.id), now;
  return card;
}

bool CardStore::update(Card& card) {
  const auto existing = find(card.id);
  if (!existing) return false;
  card.createdAt = existing->createdAt;
  card.updatedAt = clock_.nowMs();
  int onSale = card.onSale ? 1 : 0;
  session_ << "UPDATE membercard_cards SET name = $1, price = $2, days = $3, benefits = $4, on_sale = $5, "
              "updated_at = $6 WHERE id = $7 AND factory_id = $8",
      use(card.name), use(card.price), use(card.days), use(card.benefits), use(onSale), use(card.updatedAt),
      use(card.id), use(factoryId_), now;
  return true;
}

std::optional<Card> CardStore::find(std::int64_t id) {
  std::vector<Row> rows;
  session_ << kColumns + "WHERE id = $1 AND factory_id = $2", use(id), use(factoryId_), into(rows), now;
  if (rows.empty()) return std::nullopt;
  return fromRows(rows).front();
}

std::vector<Card> CardStore::list(bool onSaleOnly, int offset, int limit) {
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

}  // namespace paynext::plugins::membercard
