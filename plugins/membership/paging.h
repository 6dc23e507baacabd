#pragma once
#include <utility>

#include <Poco/JSON/Object.h>

namespace paynext::plugins::membership {

// offset and limit of a list route from page/pageSize (1-based, at most 100
// a page); a bad one is refused naming the field.
std::pair<int, int> pageOf(const Poco::JSON::Object& params);

}  // namespace paynext::plugins::membership
