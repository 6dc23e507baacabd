#pragma once
#include <optional>
#include <string>

#include <Poco/JSON/Object.h>

namespace paynext::core::payments {

// The optional "gatewayUrl" of a channel document: an http(s) URL with a
// host, else sdk::ParamError("gatewayUrl 必须是 http 或 https 地址").
std::optional<std::string> optionalGatewayUrl(const Poco::JSON::Object& json);

}  // namespace paynext::core::payments
