#include "tools/bench/bench_storage.h"

#include <chrono>
#include <regex>

#include <Poco/Data/PostgreSQL/Connector.h>

#include "core/storage/postgresql/kept_statements_session.h"
#include "core/storage/sqlite/kept_statements_session.h"

namespace paynext::tools::bench {

using namespace Poco::Data::Keywords;

namespace {

// conninfo naming database `name` instead of the one it named.
std::string withDatabase(const std::string& conninfo, const std::string& name) {
  return std::regex_replace(conninfo, std::regex(R"(\s*dbname=\S+)"), "") + " dbname=" + name;
}

}  // namespace

// The raw loops' statements stay compiled (SQLite) or prepared (PostgreSQL)
// as paynextd's do, so the loop stays the limit.
BenchStorage BenchStorage::sqlite(const std::string& file) {
  core::storage::sqlite::registerKeptStatementsConnector();
  return BenchStorage(core::storage::sqlite::kKeptStatementsConnector, file);
}

BenchStorage BenchStorage::freshPostgresql(const std::string& conninfo, const std::string& name) {
  Poco::Data::PostgreSQL::Connector::registerConnector();
  Poco::Data::Session admin("PostgreSQL", withDatabase(conninfo, "postgres"));
  admin << "DROP DATABASE IF EXISTS " + name, now;
  admin << "CREATE DATABASE " + name, now;
  core::storage::postgresql::registerKeptStatementsConnector();
  return BenchStorage(core::storage::postgresql::kKeptStatementsConnector, withDatabase(conninfo, name));
}

std::string BenchStorage::url() const {
  return (postgresql() ? "postgresql:" : "sqlite:") + connection_;
}

std::string BenchStorage::describe() const {
  if (!postgresql()) return "raw SQLite commit loop (statements kept compiled, WAL, synchronous=FULL)";
  Poco::Data::Session s = session();
  std::string fsync, synchronous;
  s << "SHOW fsync", into(fsync), now;
  s << "SHOW synchronous_commit", into(synchronous), now;
  return "raw PostgreSQL commit loop (statements kept prepared, fsync=" + fsync +
         ", synchronous_commit=" + synchronous + ")";
}

double rawCommitsPerSecond(const BenchStorage& storage, int commits) {
  Poco::Data::Session s = storage.session();
  if (!storage.postgresql()) {
    s << "PRAGMA journal_mode=WAL", now;
    s << "PRAGMA synchronous=FULL", now;
  }
  s << "CREATE TABLE bench_commits (id BIGINT PRIMARY KEY, v TEXT)", now;
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < commits; ++i) {
    std::string v = "value " + std::to_string(i);
    s << (storage.postgresql() ? "BEGIN" : "BEGIN IMMEDIATE"), now;
    s << "INSERT INTO bench_commits (id, v) VALUES ($1, $2)", bind(i), use(v), now;
    s << "COMMIT", now;
  }
  return commits / std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace paynext::tools::bench
