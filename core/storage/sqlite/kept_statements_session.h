#pragma once

#include <memory>
#include <string>

#include <Poco/Data/SQLite/SessionImpl.h>
#include <Poco/Data/StatementImpl.h>

#include "core/storage/session_connector.h"
#include "core/storage/sqlite/statement_cache.h"

namespace paynext::core::storage::sqlite {

// A Poco SQLite session whose statements stay compiled for the life of the
// connection (see StatementCache).
class KeptStatementsSession : public Poco::Data::SQLite::SessionImpl {
 public:
  KeptStatementsSession(const std::string& file, std::size_t loginTimeout);
  ~KeptStatementsSession() override;

  Poco::Data::StatementImpl::Ptr createStatementImpl() override;
  void close() override;

  const StatementCache& statements() const { return *statements_; }

 private:
  sqlite3* const db_;  // looked up once: every statement needs it
  std::shared_ptr<StatementCache> statements_;
};

// The sessions above are made for Poco::Data under kKeptStatementsConnector,
// beside (not instead of) Poco's own "sqlite".
inline const std::string kKeptStatementsConnector = "sqlite-kept";
inline void registerKeptStatementsConnector() {
  SessionConnector<KeptStatementsSession>::registerAs(kKeptStatementsConnector);
}

}  // namespace paynext::core::storage::sqlite
