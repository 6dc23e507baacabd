#pragma once
#include <cstdint>

#include <Poco/JSON/Object.h>

namespace paynext::plugins::courses {

// The params of nextAction type 15, as the document writes them:
//   {type:15, id:1234}   id: 购买课程的记录ID, not the course's (a number or a string of digits)
struct PayRequest {
  std::int64_t purchaseId = 0;

  // Throws sdk::ParamError naming the field.
  static PayRequest parse(const Poco::JSON::Object& params);
};

}  // namespace paynext::plugins::courses
