#pragma once
// Strict reads of the JSON objects API v3 exchanges: a field of the wrong type
// is as wrong as a missing one. Failures are WxpayV3Error("<what> ...").
#include <cstdint>
#include <optional>
#include <string>

#include <Poco/JSON/Object.h>

namespace paynext::core::payments::wxpay_v3 {

// The object text holds; throws "<what> is not a JSON object".
Poco::JSON::Object::Ptr parseJsonObject(const std::string& text, const std::string& what);

// Throws "<what> has no string '<name>'" when absent, null or not a string.
std::string requiredString(const Poco::JSON::Object& object, const std::string& name, const std::string& what);
// Empty when absent or null; throws when present with another type.
std::string optionalString(const Poco::JSON::Object& object, const std::string& name, const std::string& what);
// Null when absent or null; throws when present and not an object.
Poco::JSON::Object::Ptr optionalObject(const Poco::JSON::Object& object, const std::string& name,
                                       const std::string& what);
// nullopt when absent or null; throws when present and not an integer.
std::optional<std::int64_t> optionalInteger(const Poco::JSON::Object& object, const std::string& name,
                                            const std::string& what);

}  // namespace paynext::core::payments::wxpay_v3
