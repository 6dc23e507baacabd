#include "core/storage/postgresql/postgresql_error.h"

namespace paynext::core::storage::postgresql {

namespace {

std::string field(const PGresult* result, int code) {
  const char* value = result ? PQresultErrorField(result, code) : nullptr;
  return value ? value : "N/A";
}

}  // namespace

std::string describeFailure(const std::string& what, const PGresult* result, PGconn* connection) {
  const std::string message = result ? PQresultErrorMessage(result) : PQerrorMessage(connection);
  return what + ": " + message + " Severity: " + field(result, PG_DIAG_SEVERITY) +
         " State: " + field(result, PG_DIAG_SQLSTATE) + " Detail: " + field(result, PG_DIAG_MESSAGE_DETAIL) +
         " Hint: " + field(result, PG_DIAG_MESSAGE_HINT) + " Constraint: " + field(result, PG_DIAG_CONSTRAINT_NAME);
}

std::string sqlState(const PGresult* result) {
  const char* value = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  return value ? value : "";
}

}  // namespace paynext::core::storage::postgresql
