#include "core/storage/sqlite/statement_cache.h"

#include <Poco/Data/SQLite/SQLiteException.h>
#include <Poco/Data/SQLite/Utility.h>
#include <Poco/String.h>

namespace paynext::core::storage::sqlite {

sqlite3_stmt* StatementCache::acquire(const std::string& sql) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (closed_) throw Poco::Data::SQLite::InvalidSQLStatementException("the connection is closed: " + sql);
    if (const auto kept = idle_.find(sql); kept != idle_.end()) {
      sqlite3_stmt* statement = kept->second;
      idle_.erase(kept);
      return statement;
    }
  }
  sqlite3_stmt* statement = nullptr;
  const char* tail = nullptr;
  const int rc = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()) + 1, SQLITE_PREPARE_PERSISTENT,
                                    &statement, &tail);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(statement);
    Poco::Data::SQLite::Utility::throwException(db_, rc, sqlite3_errmsg(db_));
  }
  if (!statement || !Poco::trim(std::string(tail ? tail : "")).empty()) {
    sqlite3_finalize(statement);
    return nullptr;
  }
  return statement;
}

void StatementCache::release(const std::string& sql, sqlite3_stmt* statement) {
  if (!statement) return;
  // Ends a read the statement may still hold open, so no snapshot lingers.
  sqlite3_reset(statement);
  sqlite3_clear_bindings(statement);
  std::lock_guard<std::mutex> lock(mutex_);
  if (!closed_ && idle_.size() < maxStatements_ && idle_.emplace(sql, statement).second) return;
  sqlite3_finalize(statement);
}

void StatementCache::close() {
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto& [sql, statement] : idle_) sqlite3_finalize(statement);
  idle_.clear();
  closed_ = true;
}

std::size_t StatementCache::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return idle_.size();
}

}  // namespace paynext::core::storage::sqlite
