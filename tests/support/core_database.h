#pragma once
#include <memory>

#include "core/storage/core_schema.h"
#include "core/storage/database.h"
#include "core/storage/migrator.h"
#include "tests/support/temp_dir.h"

namespace paynext::testing {

// A real SQLite file with the core schema applied.
class CoreDatabase {
 public:
  CoreDatabase() {
    core::storage::DatabaseOptions options;
    options.url = "sqlite:" + dir_.file("paynext.db");
    db_ = std::make_unique<core::storage::Database>(options);
    core::storage::Migrator(*db_).apply("core", core::storage::coreMigrations());
  }
  core::storage::Database& db() { return *db_; }
  std::string path() const { return dir_.file("paynext.db"); }

 private:
  TempDir dir_;
  std::unique_ptr<core::storage::Database> db_;
};

}  // namespace paynext::testing
