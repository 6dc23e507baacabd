#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include <Poco/Data/MetaColumn.h>
#include <Poco/Data/PostgreSQL/SessionHandle.h>

namespace paynext::core::storage::postgresql {

// A statement the server has parsed and described for one connection.
struct PreparedStatement {
  std::string name;  // empty: not kept, sent with its text on every execution
  int parameters = 0;
  std::vector<Poco::Data::MetaColumn> columns;
};

// The statements one connection keeps prepared, by SQL text. Poco 1.11's
// connector prepares every statement under a fresh name, describes it, runs
// it and deallocates it: four round trips where a kept statement needs one,
// and the server plans the query again every time.
class PreparedStatementCache {
 public:
  // Distinct statements kept per connection; SQL built at run time (a table
  // name of a test, say) could otherwise grow the server's memory without end.
  static constexpr std::size_t kMaxStatements = 1000;

  explicit PreparedStatementCache(Poco::Data::PostgreSQL::SessionHandle& handle,
                                  std::size_t maxStatements = kMaxStatements)
      : handle_(handle), maxStatements_(maxStatements) {}

  // sql prepared on this connection, the first time it is asked for.
  std::shared_ptr<const PreparedStatement> prepare(const std::string& sql);

  // The server no longer holds sql's statement as kept (it changed its
  // result's shape under a schema change, or the connection was reset).
  void forget(const std::string& sql);

  // The connection is closed or reconnected: the server kept nothing.
  void clear();

  std::size_t size() const { return statements_.size(); }

 private:
  std::shared_ptr<PreparedStatement> prepareAs(const std::string& name, const std::string& sql);

  Poco::Data::PostgreSQL::SessionHandle& handle_;
  std::unordered_map<std::string, std::shared_ptr<const PreparedStatement>> statements_;
  const std::size_t maxStatements_;
};

}  // namespace paynext::core::storage::postgresql
