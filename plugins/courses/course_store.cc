#include "course_store.h"

#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

namespace paynext::plugins::courses {

using namespace Poco::Data::Keywords;

namespace {

using Row = Poco::Tuple<Poco::Int64, std::string, std::string, Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64,
                        Poco::Int64, int, Poco::Int64, Poco::Int64>;

const std::string kColumns =
    "SELECT id, title, summary, price, seats, seats_taken, date_start, date_end, on_sale, created_at, updated_at "
    "FROM courses_courses ";

std::vector<Course> fromRows(const std::vector<Row>& rows) {
  std::vector<Course> out;
  for (const auto& r : rows) {
    out.push_back({r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>(), r.get<4>(), r.get<5>(), r.get<6>(), r.get<7>(),
                   r.get<8>() != 0, r.get<9>(), r.get<10>()});
  }
  return out;
}

}  // namespace

Course CourseStore::create(Course c) {
  c.seatsTaken = 0;
  c.createdAt = c.updatedAt = clock_.nowMs();
  int onSale = c.onSale ? 1 : 0;
  session_ << "INSERT INTO courses_courses (factory_id, title, summary, price, seats, date_start, date_end, on_sale, "
              "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
      use(factoryId_), use(c.title), use(c.summary), use(c.price), use(c.seats), use(c.dateStart), use(c.dateEnd),
      use(onSale), use(c.createdAt), use(c.updatedAt), into(c.id), now;
  return c;
}

bool CourseStore::update(Course& c) {
  int onSale = c.onSale ? 1 : 0;
  Poco::Int64 at = clock_.nowMs();
  Poco::Data::Statement update(session_);
  // Conditional on the seats already paid for, so a step taking a seat meanwhile is never squeezed out.
  update << "UPDATE courses_courses SET title = $1, summary = $2, price = $3, seats = $4, date_start = $5, "
            "date_end = $6, on_sale = $7, updated_at = $8 WHERE id = $9 AND factory_id = $10 AND seats_taken <= $11",
      use(c.title), use(c.summary), use(c.price), use(c.seats), use(c.dateStart), use(c.dateEnd), use(onSale),
      use(at), use(c.id), use(factoryId_), use(c.seats);
  if (update.execute() != 1) return false;
  c = *find(c.id);
  return true;
}

std::optional<Course> CourseStore::find(std::int64_t id) {
  std::vector<Row> rows;
  session_ << kColumns + "WHERE id = $1 AND factory_id = $2", use(id), use(factoryId_), into(rows), now;
  if (rows.empty()) return std::nullopt;
  return fromRows(rows).front();
}

std::vector<Course> CourseStore::list(bool onSaleOnly, int offset, int limit) {
  std::vector<Row> rows;
  int onSale = onSaleOnly ? 1 : 0;
  // The cast tells PostgreSQL the parameter's type; 0 lists every course.
  session_ << kColumns +
                  "WHERE factory_id = $1 AND (CAST($2 AS INTEGER) = 0 OR on_sale = 1) ORDER BY id LIMIT $3 OFFSET $4",
      use(factoryId_), use(onSale), use(limit), use(offset), into(rows), now;
  return fromRows(rows);
}

bool CourseStore::takeSeat(std::int64_t id) {
  Poco::Int64 at = clock_.nowMs();
  Poco::Data::Statement update(session_);
  update << "UPDATE courses_courses SET seats_taken = seats_taken + 1 "
            "WHERE id = $1 AND factory_id = $2 AND on_sale = 1 AND seats_taken < seats AND date_start > $3",
      use(id), use(factoryId_), use(at);
  return update.execute() == 1;
}

}  // namespace paynext::plugins::courses
