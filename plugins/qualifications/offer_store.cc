#include "offer_store.h"

#include <Poco/Tuple.h>

namespace paynext::plugins::qualifications {

using namespace Poco::Data::Keywords;

namespace {
using Row = Poco::Tuple<Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64>;
}

OfferStore::OfferStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock)
    : session_(session), factoryId_(factoryId), clock_(clock) {}

Offer OfferStore::save(Offer offer) {
  offer.updatedAt = clock_.nowMs();
  Poco::Int64 type = offer.type, permanent = offer.permanent ? 1 : 0, onSale = offer.onSale ? 1 : 0;
  // One statement for both: the offer of a type is one row whatever admins did before.
  session_ << "INSERT INTO qualifications_offers (factory_id, type, price, days, permanent, on_sale, updated_at) "
              "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (factory_id, type) DO UPDATE SET "
              "price = excluded.price, days = excluded.days, permanent = excluded.permanent, "
              "on_sale = excluded.on_sale, updated_at = excluded.updated_at",
      use(factoryId_), use(type), use(offer.price), use(offer.days), use(permanent), use(onSale),
      use(offer.updatedAt), now;
  return offer;
}

std::optional<Offer> OfferStore::find(int type) {
  std::vector<Row> rows;
  Poco::Int64 t = type;
  session_ << "SELECT type, price, days, permanent, on_sale, updated_at FROM qualifications_offers "
              "WHERE factory_id = $1 AND type = $2",
      use(factoryId_), use(t), into(rows), now;
  if (rows.empty()) return std::nullopt;
  const auto& r = rows.front();
  return Offer{static_cast<int>(r.get<0>()), r.get<1>(), r.get<2>(), r.get<3>() != 0, r.get<4>() != 0, r.get<5>()};
}

}  // namespace paynext::plugins::qualifications
