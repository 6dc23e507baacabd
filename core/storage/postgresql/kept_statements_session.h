#pragma once

#include <string>

#include <Poco/Data/Connector.h>
#include <Poco/Data/PostgreSQL/SessionImpl.h>

#include "core/storage/postgresql/prepared_statement_cache.h"

namespace paynext::core::storage::postgresql {

// A Poco PostgreSQL session whose statements stay prepared on the server
// for the life of the connection (see PreparedStatementCache).
class KeptStatementsSession : public Poco::Data::PostgreSQL::SessionImpl {
 public:
  KeptStatementsSession(const std::string& conninfo, std::size_t loginTimeout)
      : Poco::Data::PostgreSQL::SessionImpl(conninfo, loginTimeout), statements_(handle()) {}

  Poco::Data::StatementImpl::Ptr createStatementImpl() override;
  void close() override;
  void open(const std::string& conninfo = std::string()) override;

  const PreparedStatementCache& statements() const { return statements_; }

 private:
  PreparedStatementCache statements_;
};

// Registers the sessions above with Poco::Data under kKeptStatementsConnector,
// beside (not instead of) Poco's own "postgresql".
inline const std::string kKeptStatementsConnector = "postgresql-kept";

class KeptStatementsConnector : public Poco::Data::Connector {
 public:
  const std::string& name() const override { return kKeptStatementsConnector; }
  Poco::Data::SessionImpl::Ptr createSession(const std::string& conninfo, std::size_t timeout) override;

  // Once per process is enough; more are harmless.
  static void registerConnector();
};

}  // namespace paynext::core::storage::postgresql
