#include "core/storage/postgresql/kept_statements_session.h"

#include "core/storage/postgresql/kept_statement_impl.h"

namespace paynext::core::storage::postgresql {

Poco::Data::StatementImpl::Ptr KeptStatementsSession::createStatementImpl() {
  return new KeptStatementImpl(*this, statements_);
}

void KeptStatementsSession::close() {
  statements_.clear();
  Poco::Data::PostgreSQL::SessionImpl::close();
}

void KeptStatementsSession::open(const std::string& conninfo) {
  statements_.clear();
  Poco::Data::PostgreSQL::SessionImpl::open(conninfo);
}

}  // namespace paynext::core::storage::postgresql
