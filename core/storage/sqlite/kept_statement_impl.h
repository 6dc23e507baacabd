#pragma once

#include <memory>
#include <string>
#include <vector>

#include <sqlite3.h>
#include <Poco/Data/MetaColumn.h>
#include <Poco/Data/SQLite/Binder.h>
#include <Poco/Data/SQLite/Extractor.h>
#include <Poco/Data/StatementImpl.h>

#include "core/storage/sqlite/statement_cache.h"

namespace paynext::core::storage::sqlite {

// A Poco::Data statement over a statement its connection keeps compiled
// (see StatementCache), read and bound with Poco's own SQLite Binder and
// Extractor. SQL holding several statements (a migration script) runs as a
// script, and may bind no values nor read rows.
class KeptStatementImpl : public Poco::Data::StatementImpl {
 public:
  KeptStatementImpl(Poco::Data::SessionImpl& session, sqlite3* db, std::shared_ptr<StatementCache> cache);
  ~KeptStatementImpl() override;

 protected:
  std::size_t columnsReturned() const override { return columns_.size(); }
  int affectedRowCount() const override { return affected_; }
  const Poco::Data::MetaColumn& metaColumn(std::size_t pos) const override { return columns_.at(pos); }
  bool hasNext() override;
  std::size_t next() override;
  bool canBind() const override { return canBind_; }
  bool canCompile() const override { return false; }
  void compileImpl() override;
  void bindImpl() override;
  Poco::Data::AbstractExtractor::Ptr extractor() override { return extractor_; }
  Poco::Data::AbstractBinder::Ptr binder() override { return binder_; }

 private:
  bool script() const { return statement_ == nullptr; }
  void giveBack();
  void runScript();
  // Binds the next row of values (a container binds one row a run).
  void bindValues();

  sqlite3* const db_;
  const std::shared_ptr<StatementCache> cache_;
  std::string sql_;
  sqlite3_stmt* statement_ = nullptr;  // null for a script: SQL of several statements
  std::vector<Poco::Data::MetaColumn> columns_;
  Poco::Data::AbstractBinder::Ptr binder_;
  Poco::Data::AbstractExtractor::Ptr extractor_;
  bool canBind_ = false;
  bool stepped_ = false;
  int step_ = SQLITE_DONE;
  int affected_ = 0;
};

}  // namespace paynext::core::storage::sqlite
