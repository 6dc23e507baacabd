#pragma once
#include <cstdint>

#include <Poco/JSON/Object.h>

#include "settings.h"

namespace paynext::plugins::blindbox {

// pullTimes of nextAction type 21 {type:21, pullTimes}: a positive integer
// within the factory's maxPullTimes. Throws sdk::ParamError naming the field.
std::int64_t pullTimesOf(const Poco::JSON::Object& params, const Settings& settings);

}  // namespace paynext::plugins::blindbox
