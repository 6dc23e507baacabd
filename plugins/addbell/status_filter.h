#pragma once
#include <string>

#include <Poco/JSON/Object.h>

namespace paynext::plugins::addbell {

// The optional `status` filter of the add-bell record lists: "" for all, else
// PENDING, PAID or EXPIRED. Throws sdk::ParamError naming the field.
std::string recordStatusFilter(const Poco::JSON::Object& params);

}  // namespace paynext::plugins::addbell
