#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

#include <Poco/JSON/Object.h>

#include "box.h"

namespace paynext::plugins::blindbox {

constexpr std::size_t kMaxIntroBytes = 500;
constexpr std::size_t kMaxContactBytes = 100;

// The fields of /blindbox/box/create, checked: gender (1 男, 2 女), intro, contact.
// Throws sdk::ParamError naming the field.
Box boxFromParams(const Poco::JSON::Object& params, std::int64_t userId);

// The optional `status` filter of box lists: empty, PENDING, PUBLISHED or EXPIRED.
std::string statusFilter(const Poco::JSON::Object& params);

// The params of nextAction type 22 {type:22, boxId}: the box id.
std::int64_t publishBoxId(const Poco::JSON::Object& params);

}  // namespace paynext::plugins::blindbox
