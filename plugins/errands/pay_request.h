#pragma once
#include <cstdint>

#include <Poco/JSON/Object.h>

namespace paynext::plugins::errands {

// The params of a type 20 step: {type:20, taskId}.
struct PayRequest {
  std::int64_t taskId = 0;

  static PayRequest parse(const Poco::JSON::Object& params);
};

}  // namespace paynext::plugins::errands
