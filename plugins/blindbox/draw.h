#pragma once
#include <cstdint>

#include <Poco/JSON/Object.h>

namespace paynext::plugins::blindbox {

// One draw: which user drew which box, when.
struct Draw {
  std::int64_t id = 0;
  std::int64_t userId = 0;
  std::int64_t boxId = 0;
  std::int64_t createdAt = 0;
};

Poco::JSON::Object::Ptr toJson(const Draw& draw);

}  // namespace paynext::plugins::blindbox
