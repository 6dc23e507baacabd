#pragma once
#include <cstdint>
#include <vector>

#include <Poco/JSON/Object.h>

namespace paynext::plugins::knowledge {

// The params of nextAction type 1, checked: {type:1, id:1234} or {type:1, id:"77,88,99"}.
struct PayRequest {
  static constexpr std::size_t kMaxPurchases = 50;

  std::vector<std::int64_t> ids;  // purchase ids, in the order given, no duplicates

  // Throws sdk::ParamError naming the field.
  static PayRequest parse(const Poco::JSON::Object& params);
};

}  // namespace paynext::plugins::knowledge
