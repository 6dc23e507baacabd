#pragma once
#include <cstdint>
#include <string>

#include <Poco/JSON/Object.h>

namespace paynext::plugins::jdjingli {

// The params of nextAction type 8, checked: {type:8, token:"...", couponId:9908}.
struct PayRequest {
  static constexpr std::size_t kMaxTokenBytes = 64;

  std::string token;
  std::int64_t couponId = 0;  // 0: none

  // Throws sdk::ParamError naming the field. couponId "" (a client's "none") is none.
  static PayRequest parse(const Poco::JSON::Object& params, const std::string& tokenField = "token");
};

}  // namespace paynext::plugins::jdjingli
