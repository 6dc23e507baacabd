#pragma once
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>

namespace paynext::plugins::qualifications {

// A filtered, paged SELECT of one factory's rows: the admins' lists filter
// on any of type, user and activity, so their conditions are added one by
// one, each with its value bound (the SQL text itself is always fixed).
class ListQuery {
 public:
  // select: "SELECT ... FROM table"; the factory is always the first condition.
  ListQuery(Poco::Data::Session& session, const std::string& select, std::int64_t factoryId);

  // Adds "AND <condition>", its one "?" becoming the next placeholder bound to value.
  ListQuery& where(const std::string& condition, std::int64_t value);

  template <typename Row>
  std::vector<Row> rows(const std::string& orderBy, int offset, int limit) {
    using namespace Poco::Data::Keywords;
    std::vector<Row> out;
    Poco::Data::Statement select(session_);
    const std::string limitMark = next();  // two statements: the order of evaluation matters
    const std::string offsetMark = next();
    select << sql_ + " ORDER BY " + orderBy + " LIMIT " + limitMark + " OFFSET " + offsetMark;
    for (auto& value : values_) select, use(value);
    select, use(limit), use(offset), into(out);
    select.execute();
    return out;
  }

 private:
  std::string next();  // "$n" for the next bound value

  Poco::Data::Session& session_;
  std::string sql_;
  std::deque<Poco::Int64> values_;  // a deque: bound by reference, never moved
  int placeholders_ = 0;
};

}  // namespace paynext::plugins::qualifications
