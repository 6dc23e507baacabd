#pragma once
#include <string>

#include <Poco/JSON/Object.h>

#include "paynext/sdk/money.h"

#include "settings.h"

namespace paynext::plugins::imagetrade {

// The params of POST /imagetrade/image/publish, checked:
//   title, previewUrl, originalUrl (http(s) addresses), price (yuan, within the settings' bounds)
struct PublishRequest {
  std::string title;
  std::string previewUrl;
  std::string originalUrl;
  sdk::Fen price = 0;

  // Throws sdk::ParamError naming the field.
  static PublishRequest parse(const Poco::JSON::Object& params, const Settings& settings);
};

}  // namespace paynext::plugins::imagetrade
