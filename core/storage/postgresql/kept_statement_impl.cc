#include "core/storage/postgresql/kept_statement_impl.h"

#include <Poco/Data/PostgreSQL/PostgreSQLException.h>

namespace paynext::core::storage::postgresql {

KeptStatementImpl::KeptStatementImpl(Poco::Data::PostgreSQL::SessionImpl& session, PreparedStatementCache& cache)
    : Poco::Data::StatementImpl(session),
      executor_(session.handle(), cache),
      binder_(new Poco::Data::PostgreSQL::Binder),
      extractor_(new ResultExtractor(executor_)) {}

bool KeptStatementImpl::hasNext() {
  if (row_ == Row::Unknown) {
    if (columnsReturned() == 0) return false;
    row_ = executor_.fetch() ? Row::Ready : Row::None;
  }
  return row_ == Row::Ready;
}

std::size_t KeptStatementImpl::next() {
  if (!hasNext()) throw Poco::Data::PostgreSQL::StatementException("No data received");
  std::size_t position = 0;
  for (auto& extraction : extractions()) {
    extraction->extract(position);
    position += extraction->numOfColumnsHandled();
  }
  row_ = Row::Unknown;
  return 1;
}

bool KeptStatementImpl::canBind() const {
  return executor_.compiled() && !bindings().empty() && bindings().front()->canBind();
}

void KeptStatementImpl::bindImpl() {
  std::size_t position = 0;
  for (auto& binding : bindings()) {
    if (!binding->canBind()) break;
    binding->bind(position);
    position += binding->numOfColumnsHandled();
  }
  binder_->updateBindVectorToCurrentValues();
  executor_.execute(binder_->bindVector());
  row_ = Row::Unknown;
}

}  // namespace paynext::core::storage::postgresql
