#include "goods_store.h"

#include <sstream>

#include <Poco/Data/Statement.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Tuple.h>

namespace paynext::plugins::episodes {

using namespace Poco::Data::Keywords;

namespace {

using Row = Poco::Tuple<Poco::Int64, std::string, Poco::Int64, int, std::string, int, Poco::Int64, Poco::Int64>;

const std::string kColumns =
    "SELECT id, name, price, free_count, urls, on_sale, created_at, updated_at FROM episodes_goods ";

std::string urlsText(const std::vector<std::string>& urls) {
  Poco::JSON::Array array;
  for (const auto& url : urls) array.add(url);
  std::ostringstream out;
  array.stringify(out);
  return out.str();
}

std::vector<std::string> urlsOf(const std::string& text) {
  std::vector<std::string> urls;
  const auto array = Poco::JSON::Parser().parse(text).extract<Poco::JSON::Array::Ptr>();
  for (const auto& url : *array) urls.push_back(url.extract<std::string>());
  return urls;
}

std::vector<Goods> fromRows(const std::vector<Row>& rows) {
  std::vector<Goods> out;
  for (const auto& r : rows) {
    out.push_back({r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>(), urlsOf(r.get<4>()), r.get<5>() != 0, r.get<6>(),
                   r.get<7>()});
  }
  return out;
}

}  // namespace

GoodsStore::GoodsStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock)
    : session_(session), factoryId_(factoryId), clock_(clock) {}

Goods GoodsStore::create(Goods goods) {
  goods.createdAt = goods.updatedAt = clock_.nowMs();
  int onSale = goods.onSale ? 1 : 0, count = goods.count();
  std::string urls = urlsText(goods.urls);
  session_ << "INSERT INTO episodes_goods (factory_id, name, price, episode_count, free_count, urls, on_sale, "
              "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
      use(factoryId_), use(goods.name), use(goods.price), use(count), use(goods.freeCount), use(urls), use(onSale),
      use(goods.createdAt), use(goods.updatedAt), into(goods.id), now;
  return goods;
}

bool GoodsStore::update(Goods& goods) {
  const auto existing = find(goods.id);
  if (!existing) return false;
  goods.createdAt = existing->createdAt;
  goods.updatedAt = clock_.nowMs();
  int onSale = goods.onSale ? 1 : 0, count = goods.count();
  std::string urls = urlsText(goods.urls);
  session_ << "UPDATE episodes_goods SET name = $1, price = $2, episode_count = $3, free_count = $4, urls = $5, "
              "on_sale = $6, updated_at = $7 WHERE id = $8 AND factory_id = $9",
      use(goods.name), use(goods.price), use(count), use(goods.freeCount), use(urls), use(onSale),
      use(goods.updatedAt), use(goods.id), use(factoryId_), now;
  return true;
}

std::optional<Goods> GoodsStore::find(std::int64_t id) {
  std::vector<Row> rows;
  session_ << kColumns + "WHERE id = $1 AND factory_id = $2", use(id), use(factoryId_), into(rows), now;
  if (rows.empty()) return std::nullopt;
  return fromRows(rows).front();
}

std::vector<Goods> GoodsStore::list(bool onSaleOnly, int offset, int limit) {
  std::vector<Row> rows;
  int onSale = onSaleOnly ? 1 : 0;
  // on_sale >= 1 for users, >= 0 for admins: one statement for both.
  session_ << kColumns + "WHERE factory_id = $1 AND on_sale >= $2 ORDER BY id LIMIT $3 OFFSET $4", use(factoryId_),
      use(onSale), use(limit), use(offset), into(rows), now;
  return fromRows(rows);
}

}  // namespace paynext::plugins::episodes
