#pragma once
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include <Poco/Data/Session.h>
#include <Poco/Data/SessionPool.h>

namespace paynext::core::storage {

enum class Dialect { Sqlite, Postgresql };

struct DatabaseOptions {
  std::string url;  // "sqlite:PATH" or "postgresql:host=... dbname=..."
  int poolSize = 32;
  int busyTimeoutMs = 5000;
};

// Thrown when no connection is free; the HTTP layer answers 503.
class DatabaseBusy : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Connections and transactions. SQLite allows one writer at a time and
// Poco's begin() is deferred (a read-then-write transaction then fails with
// "database is locked"), so write transactions take a process-wide lock and
// start with BEGIN IMMEDIATE.
class Database {
 public:
  explicit Database(const DatabaseOptions& options);
  ~Database();

  Dialect dialect() const { return dialect_; }

  // A pooled connection in autocommit mode, for reads.
  Poco::Data::Session session();

  // Runs fn(session) in one write transaction: committed when fn returns,
  // rolled back when it throws (the exception goes on).
  template <typename Fn>
  auto transaction(Fn&& fn) -> decltype(fn(std::declval<Poco::Data::Session&>())) {
    std::unique_lock<std::mutex> lock(writeMutex_, std::defer_lock);
    if (dialect_ == Dialect::Sqlite) lock.lock();
    Poco::Data::Session s = session();
    begin(s);
    try {
      if constexpr (std::is_void_v<decltype(fn(s))>) {
        fn(s);
        commit(s);
      } else {
        auto result = fn(s);
        commit(s);
        return result;
      }
    } catch (...) {
      rollback(s);
      throw;
    }
  }

 private:
  void begin(Poco::Data::Session& s);
  void commit(Poco::Data::Session& s);
  void rollback(Poco::Data::Session& s) noexcept;

  Dialect dialect_;
  DatabaseOptions options_;
  std::unique_ptr<Poco::Data::SessionPool> pool_;
  std::mutex writeMutex_;
};

}  // namespace paynext::core::storage
