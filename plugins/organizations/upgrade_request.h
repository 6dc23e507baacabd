#pragma once
#include <cstdint>

#include <Poco/JSON/Object.h>

namespace paynext::plugins::organizations {

// The params of nextAction type 17, checked: {type:17, organizeId:77, priceId:88}.
struct UpgradeRequest {
  std::int64_t organizeId = 0;
  std::int64_t priceId = 0;

  // Throws sdk::ParamError naming the field.
  static UpgradeRequest parse(const Poco::JSON::Object& params);
};

}  // namespace paynext::plugins::organizations
