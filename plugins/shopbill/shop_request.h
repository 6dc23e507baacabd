#pragma once
#include <Poco/JSON/Object.h>

#include "shop.h"

namespace paynext::plugins::shopbill {

// A shop as an admin sends it (POST creates, PUT replaces id), amounts in yuan:
//   name, enabled? (true), percentOff? (0..100, 0), tiers? ([{threshold, off}], at most 10,
//   distinct thresholds, 0 < off <= threshold), dateStart?, dateEnd? (yyyy-MM-dd[ HH:mm:ss], China time)
// Throws sdk::ParamError naming the field.
Shop shopFromParams(const Poco::JSON::Object& params, bool withId);

}  // namespace paynext::plugins::shopbill
