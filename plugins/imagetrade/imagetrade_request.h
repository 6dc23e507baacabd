#pragma once
#include <cstdint>

#include <Poco/JSON/Object.h>

namespace paynext::plugins::imagetrade {

// The params of nextAction type 11, as the document writes them:
//   {type:11, id:1234}   id: 图片交易购买记录的 id (a number or a string of digits)
struct ImageTradeRequest {
  std::int64_t purchaseId = 0;

  // Throws sdk::ParamError naming the field.
  static ImageTradeRequest parse(const Poco::JSON::Object& params);
};

}  // namespace paynext::plugins::imagetrade
