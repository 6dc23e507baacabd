#include "core/storage/sqlite/kept_statements_session.h"

#include "core/storage/sqlite/kept_statement_impl.h"

namespace paynext::core::storage::sqlite {

KeptStatementsSession::KeptStatementsSession(const std::string& file, std::size_t loginTimeout)
    : Poco::Data::SQLite::SessionImpl(file, loginTimeout),
      db_(Poco::AnyCast<sqlite3*>(getProperty("handle"))),
      statements_(std::make_shared<StatementCache>(db_)) {}

// The kept statements go before the connection does.
KeptStatementsSession::~KeptStatementsSession() { statements_->close(); }

Poco::Data::StatementImpl::Ptr KeptStatementsSession::createStatementImpl() {
  return new KeptStatementImpl(*this, db_, statements_);
}

void KeptStatementsSession::close() {
  statements_->close();
  Poco::Data::SQLite::SessionImpl::close();
}

}  // namespace paynext::core::storage::sqlite
