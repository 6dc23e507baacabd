#include "core/storage/postgresql/prepared_statement_cache.h"

#include <atomic>
#include <cstdint>

#include <Poco/Data/PostgreSQL/PostgreSQLException.h>
#include <Poco/Data/PostgreSQL/PostgreSQLTypes.h>

#include "core/storage/postgresql/postgresql_error.h"

namespace paynext::core::storage::postgresql {

namespace {

using Result = std::unique_ptr<PGresult, decltype(&PQclear)>;

// Names unique in the process, so that two caches over one connection (a
// test's, say) cannot collide.
std::string nextName() {
  static std::atomic<std::uint64_t> last{0};
  return "pn" + std::to_string(++last);
}

Result checked(PGresult* raw, PGconn* connection, const std::string& what, const std::string& sql) {
  Result result(raw, &PQclear);
  if (!result || PQresultStatus(result.get()) != PGRES_COMMAND_OK) {
    throw Poco::Data::PostgreSQL::StatementException(describeFailure(what, result.get(), connection) + " " + sql);
  }
  return result;
}

}  // namespace

std::shared_ptr<const PreparedStatement> PreparedStatementCache::prepare(const std::string& sql) {
  if (const auto kept = statements_.find(sql); kept != statements_.end()) return kept->second;
  if (statements_.size() >= maxStatements_) return prepareAs("", sql);
  std::shared_ptr<PreparedStatement> statement = prepareAs(nextName(), sql);
  statements_.emplace(sql, statement);
  return statement;
}

std::shared_ptr<PreparedStatement> PreparedStatementCache::prepareAs(const std::string& name, const std::string& sql) {
  PGconn* connection = handle_;
  Poco::FastMutex::ScopedLock lock(handle_.mutex());
  // No parameter types: the server infers them from the text, as Poco's does.
  checked(PQprepare(connection, name.c_str(), sql.c_str(), 0, nullptr), connection, "postgresql_stmt_prepare error",
          sql);
  const Result described =
      checked(PQdescribePrepared(connection, name.c_str()), connection, "postgresql_stmt_describe error", sql);
  auto statement = std::make_shared<PreparedStatement>();
  statement->name = name;
  statement->parameters = PQnparams(described.get());
  for (int i = 0; i < PQnfields(described.get()); ++i) {
    statement->columns.emplace_back(i, PQfname(described.get(), i),
                                    Poco::Data::PostgreSQL::oidToColumnDataType(PQftype(described.get(), i)), 0, 0,
                                    true);
  }
  return statement;
}

void PreparedStatementCache::forget(const std::string& sql) { statements_.erase(sql); }

void PreparedStatementCache::clear() { statements_.clear(); }

}  // namespace paynext::core::storage::postgresql
