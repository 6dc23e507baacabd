#include "core/storage/database.h"

#include <algorithm>
#include <chrono>
#include <random>
#include <thread>
#include <vector>

#include <Poco/Data/SessionPool.h>
#include <Poco/String.h>

#include "core/storage/postgresql/kept_statements_session.h"
#include "core/storage/sqlite/kept_statements_session.h"

namespace paynext::core::storage {

using Poco::Data::Keywords::now;

namespace {

std::pair<Dialect, std::string> parseUrl(const std::string& url) {
  if (Poco::startsWith(url, std::string("sqlite:"))) return {Dialect::Sqlite, url.substr(7)};
  if (Poco::startsWith(url, std::string("postgresql:"))) return {Dialect::Postgresql, url.substr(11)};
  throw std::invalid_argument("storage.url must start with sqlite: or postgresql:, got '" + url + "'");
}

// SQLite's per-connection settings, made once when the pool opens a
// connection rather than on every checkout. Its sessions keep their
// statements compiled (sqlite/).
class SqliteSessionPool : public Poco::Data::SessionPool {
 public:
  SqliteSessionPool(const std::string& path, int maxSessions, int busyTimeoutMs)
      : Poco::Data::SessionPool(sqlite::kKeptStatementsConnector, path, 1, maxSessions, 60),
        busyTimeoutMs_(busyTimeoutMs) {}

 protected:
  void customizeSession(Poco::Data::Session& s) override {
    s << "PRAGMA busy_timeout=" + std::to_string(busyTimeoutMs_), now;
    s << "PRAGMA synchronous=FULL", now;
    s << "PRAGMA foreign_keys=ON", now;
  }

 private:
  const int busyTimeoutMs_;
};

// PostgreSQL runs every write transaction SERIALIZABLE. A sequential scan
// takes a predicate lock on the whole table, so two transactions that each
// touched one row of a small table (a wallet, a payment) would still be seen
// as conflicting and one of them run again; the PostgreSQL manual's advice
// for SSI is to favour index scans. Every hot query has an index to use.
// Its sessions keep their statements prepared (postgresql/).
class PostgresqlSessionPool : public Poco::Data::SessionPool {
 public:
  PostgresqlSessionPool(const std::string& conninfo, int minSessions, int maxSessions)
      : Poco::Data::SessionPool(postgresql::kKeptStatementsConnector, conninfo, minSessions, maxSessions, 60) {}

 protected:
  void customizeSession(Poco::Data::Session& s) override { s << "SET enable_seqscan = off", now; }
};

}  // namespace

bool isRetryableConflict(const std::exception& e) {
  const auto* poco = dynamic_cast<const Poco::Exception*>(&e);
  if (!poco) return false;
  // Poco's PostgreSQL errors carry the SQLSTATE as "State: XXXXX", whatever
  // the server's message language.
  const std::string text = poco->displayText();
  return text.find("State: 40001") != std::string::npos || text.find("State: 40P01") != std::string::npos;
}

Database::Database(const DatabaseOptions& options) : options_(options) {
  auto [dialect, target] = parseUrl(options.url);
  dialect_ = dialect;
  if (dialect_ == Dialect::Sqlite) {
    sqlite::registerKeptStatementsConnector();
    pool_ = std::make_unique<SqliteSessionPool>(target, options.poolSize, options.busyTimeoutMs);
    Poco::Data::Session s = session();
    s << "PRAGMA journal_mode=WAL", now;
  } else {
    if (options.poolMinSize < 1 || options.poolMinSize > options.poolSize) {
      throw std::invalid_argument("storage.poolMinSize must be from 1 to storage.poolSize (" +
                                  std::to_string(options.poolSize) + "), got " + std::to_string(options.poolMinSize));
    }
    postgresql::registerKeptStatementsConnector();
    pool_ = std::make_unique<PostgresqlSessionPool>(target, options.poolMinSize, options.poolSize);
    // Opened now, all at once; the pool keeps them through idle spells.
    std::vector<Poco::Data::Session> opened;
    for (int i = 0; i < options.poolMinSize; ++i) opened.push_back(session());
  }
}

Database::~Database() = default;

Poco::Data::Session Database::session() {
  try {
    return pool_->get();
  } catch (const Poco::Data::SessionPoolExhaustedException&) {
    throw DatabaseBusy("数据库连接已满,请稍后重试");
  }
}

std::shared_ptr<Database::Group> Database::joinGroup() {
  if (!open_) {
    Poco::Data::Session s = session();
    s << "BEGIN IMMEDIATE", now;
    open_ = std::make_shared<Group>(std::move(s));
  }
  const std::shared_ptr<Group> group = open_;
  try {
    group->session << "SAVEPOINT paynext_member", now;
  } catch (...) {
    commitIfLast();  // the members before this one must not wait for it
    throw;
  }
  ++group->size;
  return group;
}

void Database::commitIfLast() noexcept {
  if (!open_ || (queued_ > 0 && open_->size < kMaxGroup)) return;
  try {
    open_->session << "COMMIT", now;
    ++commits_;
    end(*open_, nullptr);
  } catch (...) {
    end(*open_, std::current_exception());
  }
}

void Database::end(Group& group, std::exception_ptr failure) noexcept {
  if (failure) {
    try {
      group.session << "ROLLBACK", now;
    } catch (...) {
      // Already rolled back by SQLite, or the connection is gone.
    }
  }
  group.failure = failure;
  group.done = true;
  if (open_.get() == &group) open_.reset();
  committed_.notify_all();
}

void Database::finish(std::unique_lock<std::mutex>& lock, Group& group) {
  commitIfLast();
  committed_.wait(lock, [&] { return group.done; });
  if (group.failure) std::rethrow_exception(group.failure);
}

void Database::leaveFailed(Group& group) noexcept {
  try {
    group.session << "ROLLBACK TO paynext_member", now;
    group.session << "RELEASE paynext_member", now;
  } catch (...) {
    // SQLite rolled the whole transaction back (an I/O error, a full disk):
    // nothing of the group stays, and its members are told so.
    end(group, std::current_exception());
    return;
  }
  commitIfLast();
}

// PostgreSQL transactions are plain statements rather than Poco's
// Session::begin/commit: Poco's COMMIT error drops the SQLSTATE, and a
// serializable transaction may lose its race at COMMIT (40001), which must be
// seen as such to be run again.
void Database::begin(Poco::Data::Session& s, Isolation isolation) {
  s << (isolation == Isolation::ReadCommitted ? "BEGIN ISOLATION LEVEL READ COMMITTED"
                                              : "BEGIN ISOLATION LEVEL SERIALIZABLE"),
      now;
}

void Database::pauseBeforeRetry(int attempt) {
  // A random pause whose range doubles with each attempt (up to 50 ms), so
  // that the same transactions do not collide again in lockstep.
  thread_local std::minstd_rand random(std::random_device{}());
  const int ceiling = std::min(50'000, 250 << std::min(attempt, 8));
  std::uniform_int_distribution<int> micros(0, ceiling);
  std::this_thread::sleep_for(std::chrono::microseconds(micros(random)));
}

void Database::commit(Poco::Data::Session& s) { s << "COMMIT", now; }

void Database::rollback(Poco::Data::Session& s) noexcept {
  try {
    s << "ROLLBACK", now;
  } catch (...) {
    // The connection is unusable; the pool discards it when it is put back.
  }
}

}  // namespace paynext::core::storage
