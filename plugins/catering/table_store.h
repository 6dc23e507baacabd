#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "paynext/sdk/clock.h"

#include "dining_table.h"

namespace paynext::plugins::catering {

// catering_tables of one factory.
class TableStore {
 public:
  TableStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock);

  // Stamped with the clock's now. Throws sdk::Error (409) when the code is another table's.
  DiningTable create(DiningTable table);
  // Replaces name and code of table.id; false when there is no such table here.
  bool update(DiningTable& table);
  std::optional<DiningTable> find(std::int64_t id);
  std::optional<DiningTable> findByCode(const std::string& code);
  std::vector<DiningTable> list(int offset, int limit);

 private:
  void requireFreeCode(const std::string& code, std::int64_t except);

  Poco::Data::Session& session_;
  std::int64_t factoryId_;
  const sdk::Clock& clock_;
};

}  // namespace paynext::plugins::catering
