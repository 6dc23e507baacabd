#pragma once
#include <Poco/JSON/Object.h>

#include "service.h"

namespace paynext::plugins::addbell {

// A service as an admin sends it (POST creates, PUT replaces id):
//   name, baseMinutes (1-1440), basePrice (yuan), unitMinutes (1-1440),
//   unitPrice (yuan, > 0), addEnabled? (true), maxUnits? (1-100, default 4)
// Throws sdk::ParamError naming the field.
Service serviceFromParams(const Poco::JSON::Object& params, bool withId);

}  // namespace paynext::plugins::addbell
