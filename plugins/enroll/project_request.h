#pragma once
#include <Poco/JSON/Object.h>

#include "project.h"

namespace paynext::plugins::enroll {

// A project as an admin sends it (POST creates, PUT replaces id):
//   title, description?, fee (yuan, > 0), capacity (> 0), deadline? ("yyyy-MM-dd[ HH:mm:ss]",
//   China time; a bare date lasts the whole day), fields? (the form, [] when absent), enabled? (true)
// Throws sdk::ParamError naming the field.
Project projectFromParams(const Poco::JSON::Object& params, bool withId);

}  // namespace paynext::plugins::enroll
