#include "list_query.h"

namespace paynext::plugins::qualifications {

ListQuery::ListQuery(Poco::Data::Session& session, const std::string& select, std::int64_t factoryId)
    : session_(session), sql_(select + " WHERE factory_id = ") {
  sql_ += next();
  values_.push_back(factoryId);
}

ListQuery& ListQuery::where(const std::string& condition, std::int64_t value) {
  const auto mark = condition.find('?');
  sql_ += " AND " + condition.substr(0, mark) + next() + condition.substr(mark + 1);
  values_.push_back(value);
  return *this;
}

std::string ListQuery::next() { return "$" + std::to_string(++placeholders_); }

}  // namespace paynext::plugins::qualifications
