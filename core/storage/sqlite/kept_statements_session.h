#pragma once

#include <memory>
#include <string>

#include <Poco/Data/Connector.h>
#include <Poco/Data/SQLite/SessionImpl.h>
#include <Poco/Data/StatementImpl.h>

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
  sqlite3* db() { return Poco::AnyCast<sqlite3*>(getProperty("handle")); }

  std::shared_ptr<StatementCache> statements_;
};

// Registers the sessions above with Poco::Data under kKeptStatementsConnector,
// beside (not instead of) Poco's own "sqlite".
inline const std::string kKeptStatementsConnector = "sqlite-kept";

class KeptStatementsConnector : public Poco::Data::Connector {
 public:
  const std::string& name() const override { return kKeptStatementsConnector; }
  Poco::Data::SessionImpl::Ptr createSession(const std::string& file, std::size_t timeout) override;

  // Once per process is enough; more are harmless.
  static void registerConnector();
};

}  // namespace paynext::core::storage::sqlite
