#include "activity_store.h"

#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

namespace paynext::plugins::cpmatch {

using namespace Poco::Data::Keywords;

namespace {

using Row = Poco::Tuple<Poco::Int64, std::string, Poco::Int64, Poco::Int64, int, Poco::Int64, Poco::Int64, int,
                        Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64>;

const std::string kColumns =
    "SELECT id, title, fee, capacity, per_gender, date_start, date_end, on_sale, admitted_male, admitted_female, "
    "paired_at, created_at, updated_at FROM cpmatch_activities ";

std::vector<Activity> fromRows(const std::vector<Row>& rows) {
  std::vector<Activity> out;
  for (const auto& r : rows) {
    out.push_back({r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>(), r.get<4>() != 0, r.get<5>(), r.get<6>(),
                   r.get<7>() != 0, r.get<8>(), r.get<9>(), r.get<10>(), r.get<11>(), r.get<12>()});
  }
  return out;
}

}  // namespace

Activity ActivityStore::create(Activity a) {
  a.admittedMale = a.admittedFemale = a.pairedAt = 0;
  a.createdAt = a.updatedAt = clock_.nowMs();
  int perGender = a.perGender ? 1 : 0;
  int onSale = a.onSale ? 1 : 0;
  session_ << "INSERT INTO cpmatch_activities (factory_id, title, fee, capacity, per_gender, date_start, date_end, "
              "on_sale, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
      use(factoryId_), use(a.title), use(a.fee), use(a.capacity), use(perGender), use(a.dateStart), use(a.dateEnd),
      use(onSale), use(a.createdAt), use(a.updatedAt), into(a.id), now;
  return a;
}

void ActivityStore::update(Activity& a) {
  int perGender = a.perGender ? 1 : 0;
  int onSale = a.onSale ? 1 : 0;
  Poco::Int64 at = clock_.nowMs();
  session_ << "UPDATE cpmatch_activities SET title = $1, fee = $2, capacity = $3, per_gender = $4, date_start = $5, "
              "date_end = $6, on_sale = $7, updated_at = $8 WHERE id = $9 AND factory_id = $10",
      use(a.title), use(a.fee), use(a.capacity), use(perGender), use(a.dateStart), use(a.dateEnd), use(onSale),
      use(at), use(a.id), use(factoryId_), now;
  a = *find(a.id);
}

std::optional<Activity> ActivityStore::find(std::int64_t id) {
  std::vector<Row> rows;
  session_ << kColumns + "WHERE id = $1 AND factory_id = $2", use(id), use(factoryId_), into(rows), now;
  if (rows.empty()) return std::nullopt;
  return fromRows(rows).front();
}

std::vector<Activity> ActivityStore::list(bool onSaleOnly, int offset, int limit) {
  std::vector<Row> rows;
  int onSale = onSaleOnly ? 1 : 0;
  // The cast tells PostgreSQL the parameter's type; 0 lists every activity.
  session_ << kColumns +
                  "WHERE factory_id = $1 AND (CAST($2 AS INTEGER) = 0 OR on_sale = 1) ORDER BY id LIMIT $3 OFFSET $4",
      use(factoryId_), use(onSale), use(limit), use(offset), into(rows), now;
  return fromRows(rows);
}

std::vector<Activity> ActivityStore::endedUnpaired() {
  std::vector<Row> rows;
  Poco::Int64 at = clock_.nowMs();
  session_ << kColumns + "WHERE factory_id = $1 AND paired_at = 0 AND date_end <= $2 ORDER BY id", use(factoryId_),
      use(at), into(rows), now;
  return fromRows(rows);
}

bool ActivityStore::takePlace(std::int64_t id, int gender) {
  Poco::Int64 male = gender == kMale ? 1 : 0;
  Poco::Int64 female = gender == kMale ? 0 : 1;
  Poco::Int64 at = clock_.nowMs();
  Poco::Data::Statement update(session_);
  // Per gender, the payer's own gender's count must stay within half the capacity.
  update << "UPDATE cpmatch_activities SET admitted_male = admitted_male + $1, "
            "admitted_female = admitted_female + $2 "
            "WHERE id = $3 AND factory_id = $4 AND on_sale = 1 AND date_start > $5 AND "
            "((per_gender = 0 AND admitted_male + admitted_female < capacity) OR "
            "(per_gender = 1 AND (CASE WHEN $1 = 1 THEN admitted_male ELSE admitted_female END) * 2 < capacity))",
      use(male), use(female), use(id), use(factoryId_), use(at);
  return update.execute() == 1;
}

bool ActivityStore::markPaired(std::int64_t id) {
  Poco::Int64 at = clock_.nowMs();
  Poco::Data::Statement update(session_);
  update << "UPDATE cpmatch_activities SET paired_at = $1 WHERE id = $2 AND factory_id = $3 AND paired_at = 0",
      use(at), use(id), use(factoryId_);
  return update.execute() == 1;
}

}  // namespace paynext::plugins::cpmatch
