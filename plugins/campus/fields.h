#pragma once
// Reading the campus module's fields with errors that name the field.
#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

#include "paynext/sdk/money.h"

namespace paynext::plugins::campus::fields {

// A required integer that must be one of `allowed`; `expected` describes them.
int requireChoice(const Poco::JSON::Object& p, const std::string& name, std::initializer_list<int> allowed,
                  const std::string& expected);

// A positive amount in fen: a JSON integer or a string of digits. Decimals
// ("0.01", 0.01), signs and anything else are refused.
sdk::Fen requireFen(const Poco::JSON::Object& p, const std::string& name);

// Comma-separated ids ("10000001,10000002"): each 1..maxIdBytes of
// [A-Za-z0-9_-], at most maxCount, no duplicates.
std::vector<std::string> requireIdList(const Poco::JSON::Object& p, const std::string& name, std::size_t maxCount,
                                       std::size_t maxIdBytes);

// An id of the form requireIdList takes.
bool isId(const std::string& id, std::size_t maxBytes);

std::string join(const std::vector<std::string>& parts, const std::string& separator = ",");

}  // namespace paynext::plugins::campus::fields
