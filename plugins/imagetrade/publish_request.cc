#include "publish_request.h"

#include "paynext/sdk/params.h"

namespace paynext::plugins::imagetrade {

namespace p = sdk::params;

namespace {

constexpr std::size_t kMaxTitleBytes = 100;
constexpr std::size_t kMaxUrlBytes = 1000;

// Addresses are handed to clients as they are: only web addresses, so no
// javascript: or file: link reaches an app.
std::string address(const Poco::JSON::Object& params, const std::string& name) {
  std::string value = p::requireText(params, name, kMaxUrlBytes);
  if (value.rfind("http://", 0) != 0 && value.rfind("https://", 0) != 0) {
    throw p::invalid(name, "以 http:// 或 https:// 开头的地址");
  }
  return value;
}

}  // namespace

PublishRequest PublishRequest::parse(const Poco::JSON::Object& params, const Settings& settings) {
  PublishRequest r;
  r.title = p::requireText(params, "title", kMaxTitleBytes);
  r.previewUrl = address(params, "previewUrl");
  r.originalUrl = address(params, "originalUrl");
  r.price = p::requireMoney(params, "price");
  if (!settings.allows(r.price)) throw sdk::ParamError("price", "参数 price " + settings.boundsText());
  return r;
}

}  // namespace paynext::plugins::imagetrade
