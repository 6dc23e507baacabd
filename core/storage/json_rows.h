#pragma once
#include <Poco/Data/Statement.h>
#include <Poco/JSON/Array.h>

namespace paynext::core::storage {

// Executes the statement and answers its rows as JSON objects keyed by
// column name, in column order; SQL NULL becomes JSON null. For admin views
// that show rows as they are.
Poco::JSON::Array::Ptr jsonRows(Poco::Data::Statement& statement);

}  // namespace paynext::core::storage
