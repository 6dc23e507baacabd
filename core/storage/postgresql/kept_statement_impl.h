#pragma once

#include <Poco/Data/PostgreSQL/Binder.h>
#include <Poco/Data/PostgreSQL/SessionImpl.h>
#include <Poco/Data/StatementImpl.h>

#include "core/storage/postgresql/prepared_statement_cache.h"
#include "core/storage/postgresql/result_extractor.h"
#include "core/storage/postgresql/statement_executor.h"

namespace paynext::core::storage::postgresql {

// A Poco::Data statement run over its connection's kept prepared statement
// (see PreparedStatementCache). Poco's Binder turns use() values into
// parameters; ResultExtractor reads the rows for into() and RecordSet.
class KeptStatementImpl : public Poco::Data::StatementImpl {
 public:
  KeptStatementImpl(Poco::Data::PostgreSQL::SessionImpl& session, PreparedStatementCache& cache);

 protected:
  std::size_t columnsReturned() const override { return executor_.columns(); }
  int affectedRowCount() const override { return static_cast<int>(executor_.affectedRows()); }
  const Poco::Data::MetaColumn& metaColumn(std::size_t pos) const override { return executor_.metaColumn(pos); }
  bool hasNext() override;
  std::size_t next() override;
  bool canBind() const override;
  bool canCompile() const override { return !executor_.compiled(); }
  void compileImpl() override { executor_.compile(toString()); }
  void bindImpl() override;
  Poco::Data::AbstractExtractor::Ptr extractor() override { return extractor_; }
  Poco::Data::AbstractBinder::Ptr binder() override { return binder_; }

 private:
  enum class Row { Unknown, Ready, None };

  StatementExecutor executor_;
  Poco::Data::PostgreSQL::Binder::Ptr binder_;
  Poco::Data::AbstractExtractor::Ptr extractor_;
  Row row_ = Row::Unknown;
};

}  // namespace paynext::core::storage::postgresql
