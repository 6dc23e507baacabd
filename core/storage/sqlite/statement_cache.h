#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include <sqlite3.h>

namespace paynext::core::storage::sqlite {

// The compiled statements one SQLite connection keeps, by SQL text. Poco
// 1.11's connector compiles every statement anew and finalizes it after one
// use; SQLite's parser and planner then cost more than running the
// statement, and they run inside the one write lock every writer waits for.
//
// A kept statement serves one Poco statement at a time: acquire() hands it
// out (or compiles another when it is in use) and release() takes it back.
class StatementCache {
 public:
  static constexpr std::size_t kMaxStatements = 1000;

  explicit StatementCache(sqlite3* db, std::size_t maxStatements = kMaxStatements)
      : db_(db), maxStatements_(maxStatements) {}
  ~StatementCache() { close(); }

  // sql compiled; nullptr when sql holds several statements (or none).
  // Throws Poco's SQLite exception for SQL that does not compile.
  sqlite3_stmt* acquire(const std::string& sql);
  // Back from its Poco statement: kept for the next one (reset, values
  // unbound), or finalized when the cache is full, closed, or has one.
  void release(const std::string& sql, sqlite3_stmt* statement);

  // The connection closes: every kept statement is finalized, and those in
  // use will be on release.
  void close();

  std::size_t size() const;

 private:
  sqlite3* const db_;
  const std::size_t maxStatements_;
  mutable std::mutex mutex_;  // a statement may be released by another thread than its connection's
  std::unordered_map<std::string, sqlite3_stmt*> idle_;
  bool closed_ = false;
};

}  // namespace paynext::core::storage::sqlite
