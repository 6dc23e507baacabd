#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include <libpq-fe.h>
#include <Poco/Data/MetaColumn.h>
#include <Poco/Data/PostgreSQL/PostgreSQLTypes.h>
#include <Poco/Data/PostgreSQL/SessionHandle.h>

#include "core/storage/postgresql/prepared_statement_cache.h"

namespace paynext::core::storage::postgresql {

// Runs one statement over its connection's kept prepared statement: one
// round trip per execution, the result read row by row.
class StatementExecutor {
 public:
  StatementExecutor(Poco::Data::PostgreSQL::SessionHandle& handle, PreparedStatementCache& cache)
      : handle_(handle), cache_(cache) {}

  bool compiled() const { return statement_ != nullptr; }
  void compile(const std::string& sql);
  void execute(const Poco::Data::PostgreSQL::InputParameterVector& parameters);

  // Moves to the next row of the result; false after the last.
  bool fetch();

  std::size_t affectedRows() const { return affected_; }
  std::size_t columns() const { return statement_ ? statement_->columns.size() : 0; }
  const Poco::Data::MetaColumn& metaColumn(std::size_t position) const;
  // The current row's value at position.
  const Poco::Data::PostgreSQL::OutputParameter& value(std::size_t position) const;

 private:
  PGresult* send(const Poco::Data::PostgreSQL::InputParameterVector& parameters);
  bool succeeded() const;
  // The last execution failed because the server dropped or outdated the
  // kept statement.
  bool keptStatementLost() const;
  void prepareAgainAndRetry(const Poco::Data::PostgreSQL::InputParameterVector& parameters);

  Poco::Data::PostgreSQL::SessionHandle& handle_;
  PreparedStatementCache& cache_;
  std::string sql_;
  std::shared_ptr<const PreparedStatement> statement_;
  std::unique_ptr<PGresult, decltype(&PQclear)> result_{nullptr, &PQclear};
  std::size_t affected_ = 0;
  std::size_t nextRow_ = 0;
  std::size_t rows_ = 0;
  Poco::Data::PostgreSQL::OutputParameterVector row_;
};

}  // namespace paynext::core::storage::postgresql
