#pragma once
#include <cstdint>

#include <Poco/JSON/Object.h>

namespace paynext::plugins::enroll {

// The params of nextAction type 3, checked: {type:3, id:1234}, id being the
// application's (报名记录), not the project's.
struct EnrollRequest {
  std::int64_t applicationId = 0;

  // Throws sdk::ParamError naming the field.
  static EnrollRequest parse(const Poco::JSON::Object& params);
};

}  // namespace paynext::plugins::enroll
