#include "core/storage/postgresql/statement_executor.h"

#include <cstdlib>
#include <vector>

#include <Poco/Data/PostgreSQL/PostgreSQLException.h>

#include "core/storage/postgresql/postgresql_error.h"

namespace paynext::core::storage::postgresql {

using Poco::Data::PostgreSQL::InputParameterVector;
using Poco::Data::PostgreSQL::StatementException;

namespace {

bool sameColumns(const PreparedStatement& a, const PreparedStatement& b) {
  if (a.columns.size() != b.columns.size()) return false;
  for (std::size_t i = 0; i < a.columns.size(); ++i) {
    if (a.columns[i].name() != b.columns[i].name() || a.columns[i].type() != b.columns[i].type()) return false;
  }
  return true;
}

}  // namespace

void StatementExecutor::compile(const std::string& sql) {
  statement_ = cache_.prepare(sql);
  sql_ = sql;
}

void StatementExecutor::execute(const InputParameterVector& parameters) {
  if (!compiled()) throw StatementException("Statement is not compiled yet");
  if (static_cast<int>(parameters.size()) != statement_->parameters) {
    throw StatementException("incorrect bind parameters count for SQL Statement: " + sql_);
  }
  affected_ = rows_ = nextRow_ = 0;
  result_.reset(send(parameters));
  if (!succeeded() && keptStatementLost()) prepareAgainAndRetry(parameters);
  if (!succeeded()) throw StatementException(describeFailure("postgresql_stmt_execute error", result_.get(), handle_));
  if (PQresultStatus(result_.get()) == PGRES_TUPLES_OK) {
    rows_ = affected_ = static_cast<std::size_t>(PQntuples(result_.get()));
  } else {
    affected_ = std::strtoull(PQcmdTuples(result_.get()), nullptr, 10);
  }
  row_.assign(columns(), {});
}

// 0A000: "cached plan must not change result type" after a schema change;
// 26000: the server no longer knows the name. Prepared anew, and run again
// when no transaction was open (nothing else of it was lost) and the result
// keeps the shape this statement was compiled for.
void StatementExecutor::prepareAgainAndRetry(const InputParameterVector& parameters) {
  cache_.forget(sql_);
  if (PQtransactionStatus(handle_) != PQTRANS_IDLE) return;
  std::shared_ptr<const PreparedStatement> fresh = cache_.prepare(sql_);
  if (!sameColumns(*fresh, *statement_)) return;
  statement_ = std::move(fresh);
  result_.reset(send(parameters));
}

bool StatementExecutor::succeeded() const {
  const ExecStatusType status = result_ ? PQresultStatus(result_.get()) : PGRES_FATAL_ERROR;
  return status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK;
}

bool StatementExecutor::keptStatementLost() const {
  const std::string state = sqlState(result_.get());
  return !statement_->name.empty() && (state == "0A000" || state == "26000");
}

PGresult* StatementExecutor::send(const InputParameterVector& parameters) {
  std::vector<const char*> values;
  std::vector<int> lengths, formats;
  for (const auto& p : parameters) {
    values.push_back(static_cast<const char*>(p.pInternalRepresentation()));
    lengths.push_back(static_cast<int>(p.size()));
    formats.push_back(p.isBinary() ? 1 : 0);
  }
  const int count = static_cast<int>(parameters.size());
  Poco::FastMutex::ScopedLock lock(handle_.mutex());
  PGconn* connection = handle_;
  // A statement the cache could not keep goes with its text each time.
  if (statement_->name.empty()) {
    return PQexecParams(connection, sql_.c_str(), count, nullptr, values.data(), lengths.data(), formats.data(), 0);
  }
  return PQexecPrepared(connection, statement_->name.c_str(), count, values.data(), lengths.data(), formats.data(), 0);
}

bool StatementExecutor::fetch() {
  if (nextRow_ >= rows_) return false;
  const int row = static_cast<int>(nextRow_++);
  for (std::size_t c = 0; c < row_.size(); ++c) {
    const int column = static_cast<int>(c);
    const Oid type = PQftype(result_.get(), column);
    const auto length = static_cast<std::size_t>(PQgetlength(result_.get(), row, column));
    row_[c].setValues(Poco::Data::PostgreSQL::oidToColumnDataType(type), type, static_cast<std::size_t>(row),
                      PQgetvalue(result_.get(), row, column), length, PQgetisnull(result_.get(), row, column) == 1);
  }
  return true;
}

const Poco::Data::MetaColumn& StatementExecutor::metaColumn(std::size_t position) const {
  if (position >= columns()) throw StatementException("Invalid column number for metaColumn");
  return statement_->columns[position];
}

const Poco::Data::PostgreSQL::OutputParameter& StatementExecutor::value(std::size_t position) const {
  if (position >= row_.size()) throw StatementException("Invalid column number for resultColumn");
  return row_[position];
}

}  // namespace paynext::core::storage::postgresql
