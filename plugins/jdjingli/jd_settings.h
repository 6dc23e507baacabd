#pragma once
#include <cstdint>
#include <string>

#include <Poco/JSON/Object.h>

namespace paynext::plugins::jdjingli {

// A factory's 京东京励 settings, set by its admin.
struct JdSettings {
  static constexpr int kDefaultTtlMinutes = 30;

  std::string secret;  // empty: not set, every push is refused
  int ttlMinutes = kDefaultTtlMinutes;
  std::int64_t updatedAt = 0;

  std::int64_t ttlMs() const { return static_cast<std::int64_t>(ttlMinutes) * 60 * 1000; }
};

// "abcd********": enough for an admin to recognise the secret, never all of it
// (nor its length).
std::string maskedSecret(const std::string& secret);
// As admins see them: the secret masked.
Poco::JSON::Object::Ptr toJson(const JdSettings& settings);

}  // namespace paynext::plugins::jdjingli
