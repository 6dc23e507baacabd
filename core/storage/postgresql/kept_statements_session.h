#pragma once

#include <string>

#include <Poco/Data/PostgreSQL/SessionImpl.h>

#include "core/storage/session_connector.h"
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

// The sessions above are made for Poco::Data under kKeptStatementsConnector,
// beside (not instead of) Poco's own "postgresql".
inline const std::string kKeptStatementsConnector = "postgresql-kept";
inline void registerKeptStatementsConnector() {
  SessionConnector<KeptStatementsSession>::registerAs(kKeptStatementsConnector);
}

}  // namespace paynext::core::storage::postgresql
