#pragma once
#include <cstdint>
#include <string>

#include <Poco/JSON/Object.h>

namespace paynext::plugins::organizations {

// The params of nextAction type 16, checked: {type:16, priceId:88, name:'组织名称', remark:'组织备注'}.
struct CreateRequest {
  static constexpr std::size_t kMaxNameBytes = 64;
  static constexpr std::size_t kMaxRemarkBytes = 255;

  std::int64_t priceId = 0;
  std::string name;
  std::string remark;  // "" when absent

  // Throws sdk::ParamError naming the field.
  static CreateRequest parse(const Poco::JSON::Object& params);
};

}  // namespace paynext::plugins::organizations
