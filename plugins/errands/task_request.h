#pragma once
#include <cstdint>

#include <Poco/JSON/Object.h>

#include "settings.h"
#include "task.h"

namespace paynext::plugins::errands {

// The fields of a new task as a poster sends them (from, to, what, fee in
// yuan, deadline as China time), checked against the factory's settings.
struct TaskRequest {
  // A task (not yet stored) for the poster; refuses a bad field naming it.
  static Task parse(const Poco::JSON::Object& params, const Settings& settings, std::int64_t nowMs);
};

}  // namespace paynext::plugins::errands
