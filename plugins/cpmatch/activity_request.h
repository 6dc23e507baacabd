#pragma once
#include <Poco/JSON/Object.h>

#include "activity.h"

namespace paynext::plugins::cpmatch {

// An activity from an admin's params: title, fee (yuan, > 0), capacity (1 to
// 100000; even with perGender), perGender? (false), dateStart, dateEnd
// ("yyyy-MM-dd[ HH:mm:ss]" China time; a bare dateEnd is that day's end),
// onSale? (true); and id when withId (a replacement). Throws ParamError naming the field.
Activity activityFromParams(const Poco::JSON::Object& params, bool withId);

}  // namespace paynext::plugins::cpmatch
