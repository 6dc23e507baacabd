#include "image_store.h"

#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

namespace paynext::plugins::imagetrade {

using namespace Poco::Data::Keywords;

namespace {

using Row = Poco::Tuple<Poco::Int64, Poco::Int64, std::string, std::string, std::string, Poco::Int64, std::string,
                        Poco::Int64, Poco::Int64, Poco::Int64>;

const std::string kColumns =
    "SELECT id, seller_id, title, preview_url, original_url, price, status, buyer_id, created_at, sold_at "
    "FROM imagetrade_images ";

std::vector<Image> fromRows(const std::vector<Row>& rows) {
  std::vector<Image> out;
  for (const auto& r : rows) {
    out.push_back({r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>(), r.get<4>(), r.get<5>(), r.get<6>(), r.get<7>(),
                   r.get<8>(), r.get<9>()});
  }
  return out;
}

}  // namespace

Image ImageStore::create(std::int64_t sellerId, const PublishRequest& request) {
  Image i{0, sellerId, request.title, request.previewUrl, request.originalUrl, request.price, kOnSale, 0,
          clock_.nowMs(), 0};
  session_ << "INSERT INTO imagetrade_images (factory_id, seller_id, title, preview_url, original_url, price, status, "
              "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
      use(factoryId_), use(i.sellerId), use(i.title), use(i.previewUrl), use(i.originalUrl), use(i.price),
      use(i.status), use(i.createdAt), into(i.id), now;
  return i;
}

std::optional<Image> ImageStore::find(std::int64_t id) {
  std::vector<Row> rows;
  session_ << kColumns + "WHERE id = $1 AND factory_id = $2", use(id), use(factoryId_), into(rows), now;
  if (rows.empty()) return std::nullopt;
  return fromRows(rows).front();
}

std::vector<Image> ImageStore::list(const std::string& status, std::int64_t sellerId, int offset, int limit) {
  // Only the filters given become conditions, numbered in order ($1, $2, ...).
  std::string sql = kColumns + "WHERE factory_id = $1";
  int n = 1;
  if (!status.empty()) sql += " AND status = $" + std::to_string(++n);
  if (sellerId > 0) sql += " AND seller_id = $" + std::to_string(++n);
  sql += " ORDER BY id DESC LIMIT $" + std::to_string(n + 1) + " OFFSET $" + std::to_string(n + 2);
  std::vector<Row> rows;
  std::string s = status;
  Poco::Data::Statement select(session_);
  select << sql, use(factoryId_);
  if (!s.empty()) select, use(s);
  if (sellerId > 0) select, use(sellerId);
  select, use(limit), use(offset), into(rows);
  select.execute();
  return fromRows(rows);
}

bool ImageStore::markSold(std::int64_t id, std::int64_t buyerId) {
  std::string sold = kSold, onSale = kOnSale;
  Poco::Int64 at = clock_.nowMs();
  Poco::Data::Statement update(session_);
  // Conditional on ON_SALE: of two steps racing for one image, only one changes a row.
  update << "UPDATE imagetrade_images SET status = $1, buyer_id = $2, sold_at = $3 "
            "WHERE id = $4 AND factory_id = $5 AND status = $6",
      use(sold), use(buyerId), use(at), use(id), use(factoryId_), use(onSale);
  return update.execute() == 1;
}

}  // namespace paynext::plugins::imagetrade
