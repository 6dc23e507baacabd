#pragma once
#include <cstdint>

#include <Poco/JSON/Object.h>

namespace paynext::plugins::cpmatch {

// The params of nextAction type 23, as the document writes them:
//   {type:23, cpactivityId: 10}   cpactivityId: CP活动ID (a number or a string of digits)
struct PayRequest {
  std::int64_t activityId = 0;

  // Throws sdk::ParamError naming the field.
  static PayRequest parse(const Poco::JSON::Object& params);
};

}  // namespace paynext::plugins::cpmatch
