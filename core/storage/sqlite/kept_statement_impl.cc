#include "core/storage/sqlite/kept_statement_impl.h"

#include <Poco/Data/DataException.h>
#include <Poco/Data/SQLite/SQLiteException.h>
#include <Poco/Data/SQLite/Utility.h>

namespace paynext::core::storage::sqlite {

using Poco::Data::SQLite::Utility;

KeptStatementImpl::KeptStatementImpl(Poco::Data::SessionImpl& session, sqlite3* db,
                                     std::shared_ptr<StatementCache> cache)
    : Poco::Data::StatementImpl(session), db_(db), cache_(std::move(cache)) {}

KeptStatementImpl::~KeptStatementImpl() { giveBack(); }

void KeptStatementImpl::giveBack() {
  if (statement_) cache_->release(sql_, statement_);
  statement_ = nullptr;
  binder_ = nullptr;
  extractor_ = nullptr;
}

void KeptStatementImpl::compileImpl() {
  const std::string sql = toString();
  affected_ = 0;  // counted over all the runs of one execution (a container's rows)
  if (statement_ && sql == sql_) return;  // run again: bindImpl resets it
  giveBack();
  sql_ = sql;
  if (sql_.empty()) throw Poco::Data::SQLite::InvalidSQLStatementException("Empty statements are illegal");
  statement_ = cache_->acquire(sql_);
  columns_.clear();
  if (script() && (!bindings().empty() || !extractions().empty())) {
    throw Poco::Data::SQLite::InvalidSQLStatementException("several statements in one SQL text may bind no values "
                                                           "and read no rows: " + sql_);
  }
  if (script()) return;
  binder_ = new Poco::Data::SQLite::Binder(statement_);
  extractor_ = new Poco::Data::SQLite::Extractor(statement_);
  for (int i = 0; i < sqlite3_column_count(statement_); ++i) {
    columns_.emplace_back(i, sqlite3_column_name(statement_, i), Utility::getColumnType(statement_, i));
  }
}

void KeptStatementImpl::bindImpl() {
  stepped_ = false;
  step_ = SQLITE_DONE;
  if (script()) return runScript();
  sqlite3_reset(statement_);
  bindValues();
}

void KeptStatementImpl::runScript() {
  const int before = sqlite3_total_changes(db_);
  char* error = nullptr;
  const int rc = sqlite3_exec(db_, sql_.c_str(), nullptr, nullptr, &error);
  const std::string message = error ? error : "";
  sqlite3_free(error);
  if (rc != SQLITE_OK) Utility::throwException(db_, rc, message);
  affected_ = sqlite3_total_changes(db_) - before;
  stepped_ = true;
  canBind_ = false;
}

// As Poco's SQLite statement does: the placeholders take the bound values
// in order; a container binds one row a run, and the statement runs again
// while rows remain.
void KeptStatementImpl::bindValues() {
  const std::size_t parameters = static_cast<std::size_t>(sqlite3_bind_parameter_count(statement_));
  canBind_ = false;
  if (parameters == 0) return;
  std::size_t values = 0;
  for (const auto& binding : bindings()) values += binding->numOfColumnsHandled();
  if (values != parameters) {
    throw Poco::Data::SQLite::ParameterCountMismatchException(
        std::to_string(values) + " values for " + std::to_string(parameters) + " placeholders: " + sql_);
  }
  std::size_t position = 1;
  for (auto& binding : bindings()) {
    if (!binding->canBind()) break;
    binding->bind(position);
    position += binding->numOfColumnsHandled();
  }
  canBind_ = bindings().front()->canBind();
}

bool KeptStatementImpl::hasNext() {
  if (stepped_) return step_ == SQLITE_ROW;
  if (!statement_) return false;
  stepped_ = true;
  step_ = sqlite3_step(statement_);
  if (step_ != SQLITE_ROW && step_ != SQLITE_DONE) Utility::throwException(db_, step_);
  if (step_ == SQLITE_DONE && !sqlite3_stmt_readonly(statement_)) affected_ += sqlite3_changes(db_);
  static_cast<Poco::Data::SQLite::Extractor&>(*extractor_).reset();  // its cached null flags
  return step_ == SQLITE_ROW;
}

std::size_t KeptStatementImpl::next() {
  if (!hasNext()) throw Poco::Data::DataException("No data received");
  std::size_t position = 0;
  for (auto& extraction : extractions()) {
    extraction->extract(position);
    position += extraction->numOfColumnsHandled();
  }
  stepped_ = false;
  return 1;
}

}  // namespace paynext::core::storage::sqlite
