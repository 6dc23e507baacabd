#pragma once
#include <cstdint>
#include <string>

namespace paynext::plugins::jdjingli {

// The signature paynext and JD exchange both ways: lower-case hex of
// HMAC-SHA256(secret, timestamp + "\n" + body), the timestamp in Unix
// seconds, carried in the headers below.
inline const std::string kTimestampHeader = "X-Jd-Timestamp";
inline const std::string kSignatureHeader = "X-Jd-Signature";
constexpr std::int64_t kMaxSkewSeconds = 300;

std::string signatureOf(const std::string& secret, const std::string& timestamp, const std::string& body);

}  // namespace paynext::plugins::jdjingli
