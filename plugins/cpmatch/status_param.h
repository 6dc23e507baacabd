#pragma once
#include <string>

#include <Poco/JSON/Object.h>

namespace paynext::plugins::cpmatch {

// The optional `status` filter of a sign-up list: "" (any), PENDING or
// ADMITTED; anything else is refused naming the field.
std::string statusParam(const Poco::JSON::Object& params);

}  // namespace paynext::plugins::cpmatch
