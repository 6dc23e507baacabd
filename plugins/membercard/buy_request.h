#pragma once
#include <cstdint>

#include <Poco/JSON/Object.h>

namespace paynext::plugins::membercard {

// The params of nextAction type 10, checked: {type:10, id:1234}, id the card (会员卡ID).
struct BuyRequest {
  std::int64_t cardId = 0;

  // Throws sdk::ParamError naming the field.
  static BuyRequest parse(const Poco::JSON::Object& params);
};

}  // namespace paynext::plugins::membercard
