#pragma once

#include <string>

#include <libpq-fe.h>

namespace paynext::core::storage::postgresql {

// What a failed statement says, in the words of Poco's connector ("...
// State: 40001 ..."), so isRetryableConflict and the logs read it alike;
// without a result, the connection's own error.
std::string describeFailure(const std::string& what, const PGresult* result, PGconn* connection);

// The failed result's SQLSTATE, or "" when the server sent none.
std::string sqlState(const PGresult* result);

}  // namespace paynext::core::storage::postgresql
