#pragma once
#include <Poco/JSON/Object.h>

#include "dining_table.h"

namespace paynext::plugins::catering {

// A table as an admin sends it (POST creates, PUT replaces id):
//   name, code (what its QR carries). Throws sdk::ParamError naming the field.
DiningTable tableFromParams(const Poco::JSON::Object& params, bool withId);

// The code a scan sends (users) or a table is given (admins), checked.
std::string tableCode(const Poco::JSON::Object& params);

}  // namespace paynext::plugins::catering
