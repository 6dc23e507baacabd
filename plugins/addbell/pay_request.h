#pragma once
#include <cstdint>

#include <Poco/JSON/Object.h>

namespace paynext::plugins::addbell {

// The params of nextAction type 19, checked: {type:19, orderAddBellId:77}.
struct PayRequest {
  std::int64_t orderAddBellId = 0;  // the add-bell record (加钟记录) to pay

  // Throws sdk::ParamError naming the field.
  static PayRequest parse(const Poco::JSON::Object& params);
};

}  // namespace paynext::plugins::addbell
