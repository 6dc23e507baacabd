#include "purchase_store.h"

#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

namespace paynext::plugins::imagetrade {

using namespace Poco::Data::Keywords;

namespace {

using Row = Poco::Tuple<Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, std::string,
                        std::string, Poco::Int64, Poco::Int64>;

const std::string kColumns =
    "SELECT id, image_id, buyer_id, seller_id, price, commission, status, reference, created_at, paid_at "
    "FROM imagetrade_purchases ";

std::vector<Purchase> fromRows(const std::vector<Row>& rows) {
  std::vector<Purchase> out;
  for (const auto& r : rows) {
    out.push_back({r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>(), r.get<4>(), r.get<5>(), r.get<6>(), r.get<7>(),
                   r.get<8>(), r.get<9>()});
  }
  return out;
}

std::optional<Purchase> first(const std::vector<Row>& rows) {
  if (rows.empty()) return std::nullopt;
  return fromRows(rows).front();
}

}  // namespace

Purchase PurchaseStore::create(std::int64_t buyerId, const Image& image) {
  Purchase p{0, image.id, buyerId, image.sellerId, image.price, 0, kUnpaid, "", clock_.nowMs(), 0};
  session_ << "INSERT INTO imagetrade_purchases (factory_id, image_id, buyer_id, seller_id, price, status, "
              "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
      use(factoryId_), use(p.imageId), use(p.buyerId), use(p.sellerId), use(p.price), use(p.status),
      use(p.createdAt), into(p.id), now;
  return p;
}

std::optional<Purchase> PurchaseStore::find(std::int64_t id) {
  std::vector<Row> rows;
  session_ << kColumns + "WHERE id = $1 AND factory_id = $2", use(id), use(factoryId_), into(rows), now;
  return first(rows);
}

std::optional<Purchase> PurchaseStore::findForBuyer(std::int64_t buyerId, std::int64_t id) {
  std::vector<Row> rows;
  session_ << kColumns + "WHERE id = $1 AND factory_id = $2 AND buyer_id = $3", use(id), use(factoryId_),
      use(buyerId), into(rows), now;
  return first(rows);
}

std::optional<Purchase> PurchaseStore::findUnpaid(std::int64_t buyerId, std::int64_t imageId) {
  std::vector<Row> rows;
  std::string unpaid = kUnpaid;
  session_ << kColumns + "WHERE factory_id = $1 AND buyer_id = $2 AND image_id = $3 AND status = $4 "
                         "ORDER BY id DESC LIMIT 1",
      use(factoryId_), use(buyerId), use(imageId), use(unpaid), into(rows), now;
  return first(rows);
}

bool PurchaseStore::hasPaid(std::int64_t buyerId, std::int64_t imageId) {
  Poco::Int64 n = 0;
  std::string paid = kPaid;
  session_ << "SELECT COUNT(*) FROM imagetrade_purchases WHERE factory_id = $1 AND buyer_id = $2 AND image_id = $3 "
              "AND status = $4",
      use(factoryId_), use(buyerId), use(imageId), use(paid), into(n), now;
  return n > 0;
}

std::vector<Purchase> PurchaseStore::list(std::int64_t buyerId, std::int64_t imageId, int offset, int limit) {
  // Only the filters given become conditions, numbered in order ($1, $2, ...).
  std::string sql = kColumns + "WHERE factory_id = $1";
  int n = 1;
  if (buyerId > 0) sql += " AND buyer_id = $" + std::to_string(++n);
  if (imageId > 0) sql += " AND image_id = $" + std::to_string(++n);
  sql += " ORDER BY id DESC LIMIT $" + std::to_string(n + 1) + " OFFSET $" + std::to_string(n + 2);
  std::vector<Row> rows;
  Poco::Data::Statement select(session_);
  select << sql, use(factoryId_);
  if (buyerId > 0) select, use(buyerId);
  if (imageId > 0) select, use(imageId);
  select, use(limit), use(offset), into(rows);
  select.execute();
  return fromRows(rows);
}

bool PurchaseStore::markPaid(std::int64_t id, std::int64_t buyerId, const std::string& reference,
                             sdk::Fen commission) {
  std::string paid = kPaid, unpaid = kUnpaid, ref = reference;
  Poco::Int64 at = clock_.nowMs();
  Poco::Data::Statement update(session_);
  update << "UPDATE imagetrade_purchases SET status = $1, reference = $2, commission = $3, paid_at = $4 "
            "WHERE id = $5 AND factory_id = $6 AND buyer_id = $7 AND status = $8",
      use(paid), use(ref), use(commission), use(at), use(id), use(factoryId_), use(buyerId), use(unpaid);
  return update.execute() == 1;
}

}  // namespace paynext::plugins::imagetrade
