#pragma once
#include <string>
#include <vector>

#include "core/storage/database.h"
#include "paynext/sdk/migration.h"

namespace paynext::core::storage {

// Applies versioned migrations per component ("core" or a module name), each
// once and in order, each in its own transaction with its version row.
class Migrator {
 public:
  explicit Migrator(Database& db);

  int currentVersion(const std::string& component);
  // Returns how many migrations were applied.
  int apply(const std::string& component, const std::vector<sdk::Migration>& migrations);

 private:
  Database& db_;
};

}  // namespace paynext::core::storage
