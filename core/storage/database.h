#pragma once
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

#include <Poco/Data/Session.h>
#include <Poco/Data/SessionPool.h>

namespace paynext::core::storage {

enum class Dialect { Sqlite, Postgresql };

struct DatabaseOptions {
  std::string url;  // "sqlite:PATH" or "postgresql:host=... dbname=..."
  int poolSize = 32;
  // PostgreSQL: connections opened at start-up and kept while idle, so a
  // burst after a quiet spell does not wait for new server processes.
  int poolMinSize = 1;
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
//   they take a process-wide lock and run in a BEGIN IMMEDIATE transaction.
//   Those that queue for the lock share one commit (group commit): each runs
//   in a savepoint of the open transaction, so it stays all-or-nothing on its
//   own, and the last one queued commits for all; each returns only after
//   that commit, so an answered write has reached the disk.
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

  // Transactions that share one SQLite commit at most, bounding how long
  // the first of them waits.
  static constexpr int kMaxGroup = 64;

  // How a PostgreSQL write transaction is isolated (SQLite has one writer).
  // ReadCommitted is for claiming work from a queue: a SELECT ... FOR UPDATE
  // SKIP LOCKED, then writes to the rows it locked. The row locks are all such
  // a claim needs; at SERIALIZABLE its reads of the queue would conflict with
  // every transaction adding work to it, and one of them would run again.
  enum class Isolation { Serializable, ReadCommitted };

  // Runs fn(session) in one write transaction: committed when fn returns,
  // rolled back when it throws (the exception goes on). fn may run more than
  // once (PostgreSQL conflicts), so it changes nothing but the database.
  template <typename Fn>
  auto transaction(Fn&& fn, Isolation isolation = Isolation::Serializable)
      -> decltype(fn(std::declval<Poco::Data::Session&>())) {
    if (dialect_ == Dialect::Sqlite) return inGroup(fn);
    for (int attempt = 1;; ++attempt) {
      try {
        return runOnce(fn, isolation);
      } catch (const std::exception& e) {
        if (attempt >= kMaxAttempts || !isRetryableConflict(e)) throw;
        pauseBeforeRetry(attempt);
      }
    }
  }

  // Runs fn(session), whose one statement is the whole write (an INSERT of a
  // new row, an UPDATE ... RETURNING claim), as transaction() would: on
  // SQLite in the group commit; on PostgreSQL the statement is its own
  // transaction (autocommit, READ COMMITTED), one round trip instead of
  // BEGIN, it and COMMIT. fn must not read and then write: a second
  // statement would run in a transaction of its own.
  template <typename Fn>
  auto singleStatement(Fn&& fn) -> decltype(fn(std::declval<Poco::Data::Session&>())) {
    if (dialect_ == Dialect::Sqlite) return inGroup(fn);
    for (int attempt = 1;; ++attempt) {
      try {
        Poco::Data::Session s = session();
        return fn(s);
      } catch (const std::exception& e) {  // a deadlock, or a server whose default is SERIALIZABLE
        if (attempt >= kMaxAttempts || !isRetryableConflict(e)) throw;
        pauseBeforeRetry(attempt);
      }
    }
  }

  // Commits made (SQLite), and transactions waiting for the write lock: what
  // the group-commit tests observe.
  std::uint64_t commits() const { return commits_; }
  // Connections the pool holds open, idle or in use.
  int connections() const { return pool_->allocated(); }
  int queuedWriters() const { return queued_; }

 private:
  // SQLite: the transactions sharing one commit, and how that commit went.
  struct Group {
    explicit Group(Poco::Data::Session s) : session(std::move(s)) {}
    Poco::Data::Session session;
    int size = 0;
    bool done = false;
    std::exception_ptr failure;  // why nothing of the group was committed
  };

  // SQLite: fn in a savepoint of the group's open transaction.
  template <typename Fn>
  auto inGroup(Fn& fn) -> decltype(fn(std::declval<Poco::Data::Session&>())) {
    using Result = decltype(fn(std::declval<Poco::Data::Session&>()));
    ++queued_;
    std::unique_lock<std::mutex> lock(writeMutex_);
    --queued_;
    const std::shared_ptr<Group> group = joinGroup();
    if constexpr (std::is_void_v<Result>) {
      try {
        fn(group->session);
        group->session << "RELEASE paynext_member", Poco::Data::Keywords::now;
      } catch (...) {
        leaveFailed(*group);
        throw;
      }
      finish(lock, *group);
    } else {
      std::optional<Result> result;
      try {
        result.emplace(fn(group->session));
        group->session << "RELEASE paynext_member", Poco::Data::Keywords::now;
      } catch (...) {
        leaveFailed(*group);
        throw;
      }
      finish(lock, *group);
      return std::move(*result);
    }
  }

  // The open group (begun if none is), with this member's savepoint.
  std::shared_ptr<Group> joinGroup();
  // Commits the open group when nobody else is queued for it, or it is full.
  void commitIfLast() noexcept;
  // Ends group: committed, or rolled back with why.
  void end(Group& group, std::exception_ptr failure) noexcept;
  // After a member's work: commits if last, else waits for the commit; throws
  // what made the commit fail.
  void finish(std::unique_lock<std::mutex>& lock, Group& group);
  // fn threw: its savepoint is undone and the others' work goes on to commit.
  void leaveFailed(Group& group) noexcept;

  template <typename Fn>
  auto runOnce(Fn& fn, Isolation isolation) -> decltype(fn(std::declval<Poco::Data::Session&>())) {
    Poco::Data::Session s = session();
    begin(s, isolation);
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

  void begin(Poco::Data::Session& s, Isolation isolation);
  void pauseBeforeRetry(int attempt);
  void commit(Poco::Data::Session& s);
  void rollback(Poco::Data::Session& s) noexcept;

  Dialect dialect_;
  DatabaseOptions options_;
  std::unique_ptr<Poco::Data::SessionPool> pool_;

  // SQLite's group commit, all under writeMutex_ but the two atomics.
  std::mutex writeMutex_;
  std::condition_variable committed_;
  std::atomic<int> queued_{0};
  std::atomic<std::uint64_t> commits_{0};
  std::shared_ptr<Group> open_;
};

}  // namespace paynext::core::storage
