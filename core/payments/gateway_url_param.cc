#include "core/payments/gateway_url_param.h"

#include <Poco/URI.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

namespace paynext::core::payments {

std::optional<std::string> optionalGatewayUrl(const Poco::JSON::Object& json) {
  auto url = sdk::params::optionalString(json, "gatewayUrl");
  if (!url) return std::nullopt;
  const sdk::ParamError bad("gatewayUrl", "gatewayUrl 必须是 http 或 https 地址");
  try {
    Poco::URI uri(*url);
    if ((uri.getScheme() != "http" && uri.getScheme() != "https") || uri.getHost().empty()) throw bad;
  } catch (const Poco::SyntaxException&) {
    throw bad;
  }
  return url;
}

}  // namespace paynext::core::payments
