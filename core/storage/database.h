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

// True for a PostgreSQL serialization failure or deadlock (SQLSTATE 40001,
// 40P01): the transaction lost a race and is worth running again.
bool isRetryableConflict(const std::exception& e);

// Connections and transactions. Write transactions behave alike on both
// databases, as if they ran one after another, so a module may read, decide
// and write without locking rows itself:
// - SQLite allows one writer at a time and Poco's begin() is deferred (a
//   read-then-write transaction then fails with "database is locked"), so
//   they take a process-wide lock and start with BEGIN IMMEDIATE;
// - PostgreSQL runs them SERIALIZABLE (several instances share a database)
//   and runs one again, from the start, when it loses a race.
class Database {
 public:
  explicit Database(const DatabaseOptions& options);
  ~Database();

  Dialect dialect() const { return dialect_; }

  // A pooled connection in autocommit mode, for reads.
  Poco::Data::Session session();

  // Attempts at a transaction that keeps losing races before its error goes on:
  // on one hot row each round has one winner, so a loser needs room to wait.
  static constexpr int kMaxAttempts = 30;

  // Runs fn(session) in one write transaction: committed when fn returns,
  // rolled back when it throws (the exception goes on). fn may run more than
  // once (PostgreSQL conflicts), so it changes nothing but the database.
  template <typename Fn>
  auto transaction(Fn&& fn) -> decltype(fn(std::declval<Poco::Data::Session&>())) {
    for (int attempt = 1;; ++attempt) {
      try {
        return runOnce(fn);
      } catch (const std::exception& e) {
        if (attempt >= kMaxAttempts || !isRetryableConflict(e)) throw;
        pauseBeforeRetry(attempt);
      }
    }
  }

 private:
  template <typename Fn>
  auto runOnce(Fn& fn) -> decltype(fn(std::declval<Poco::Data::Session&>())) {
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

  void begin(Poco::Data::Session& s);
  void pauseBeforeRetry(int attempt);
  void commit(Poco::Data::Session& s);
  void rollback(Poco::Data::Session& s) noexcept;

  Dialect dialect_;
  DatabaseOptions options_;
  std::unique_ptr<Poco::Data::SessionPool> pool_;
  std::mutex writeMutex_;
};

}  // namespace paynext::core::storage
