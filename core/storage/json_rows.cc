#include "core/storage/json_rows.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/JSON/Object.h>

namespace paynext::core::storage {

Poco::JSON::Array::Ptr jsonRows(Poco::Data::Statement& statement) {
  statement.execute();
  Poco::Data::RecordSet set(statement);
  Poco::JSON::Array::Ptr out = new Poco::JSON::Array;
  for (std::size_t r = 0; r < set.rowCount(); ++r) {
    Poco::JSON::Object::Ptr row = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    for (std::size_t c = 0; c < set.columnCount(); ++c) {
      const Poco::Dynamic::Var v = set.value(c, r);
      if (v.isEmpty() || v.isString() || v.isNumeric() || v.isBoolean()) {
        row->set(set.columnName(c), v.isEmpty() ? Poco::Dynamic::Var() : v);
      } else {
        // PostgreSQL's TEXT columns arrive as Poco::Data::CLOB, which the JSON
        // writer would print bare ("nick":,): make them strings.
        row->set(set.columnName(c), v.convert<std::string>());
      }
    }
    out->add(row);
  }
  return out;
}

}  // namespace paynext::core::storage
