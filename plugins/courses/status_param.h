#pragma once
#include <string>

#include <Poco/JSON/Object.h>

namespace paynext::plugins::courses {

// The optional `status` filter of a purchase list: "" (any), UNPAID, PAID or
// CANCELLED; anything else is refused naming the field.
std::string statusParam(const Poco::JSON::Object& params);

}  // namespace paynext::plugins::courses
