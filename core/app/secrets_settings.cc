#include "core/app/secrets_settings.h"

#include <stdexcept>

#include <Poco/Environment.h>
#include <Poco/StringTokenizer.h>

namespace paynext::core::app {

crypto::SecretBox secretsSettings(const Poco::Util::AbstractConfiguration& c) {
  const std::string current = c.getString("secrets.key", Poco::Environment::get("PAYNEXT_SECRETS_KEY", ""));
  const std::string previous =
      c.getString("secrets.previousKeys", Poco::Environment::get("PAYNEXT_SECRETS_PREVIOUS_KEYS", ""));
  std::vector<std::string> keys;
  if (!current.empty()) keys.push_back(current);
  for (const auto& key : Poco::StringTokenizer(previous, ",", Poco::StringTokenizer::TOK_TRIM |
                                                                  Poco::StringTokenizer::TOK_IGNORE_EMPTY)) {
    keys.push_back(key);
  }
  if (current.empty() && keys.size() > 0) {
    throw std::invalid_argument("secrets.previousKeys is set without secrets.key");
  }
  return crypto::SecretBox(keys);
}

}  // namespace paynext::core::app
