#pragma once
// Where a bench run keeps paynextd's data, and the raw commit loop measured
// against it: a SQLite file, or a fresh database on a PostgreSQL server.
#include <string>

#include <Poco/Data/Session.h>

#include "core/storage/sqlite/kept_statements_session.h"

namespace paynext::tools::bench {

class BenchStorage {
 public:
  static BenchStorage sqlite(const std::string& file);
  // A fresh database `name` on the server `conninfo` (a libpq connection
  // string) reaches; an older one of that name is dropped first.
  static BenchStorage freshPostgresql(const std::string& conninfo, const std::string& name);

  bool postgresql() const { return connector_ != core::storage::sqlite::kKeptStatementsConnector; }
  std::string url() const;  // paynextd's storage.url
  Poco::Data::Session session() const { return Poco::Data::Session(connector_, connection_); }
  // What the raw commit loop runs as, for the figures' labels.
  std::string describe() const;

 private:
  BenchStorage(std::string connector, std::string connection)
      : connector_(std::move(connector)), connection_(std::move(connection)) {}
  std::string connector_, connection_;
};

// Single-row commits per second in a table of its own, with the settings
// paynextd uses (SQLite: WAL, synchronous=FULL; PostgreSQL: the server's),
// one transaction per row: the rate a commit per request could reach.
double rawCommitsPerSecond(const BenchStorage& storage, int commits);

}  // namespace paynext::tools::bench
