#pragma once
#include <Poco/Util/AbstractConfiguration.h>

#include "core/crypto/secret_box.h"

namespace paynext::core::app {

// The keys that seal channel secrets at rest: secrets.key (or the
// environment's PAYNEXT_SECRETS_KEY) seals, secrets.previousKeys (or
// PAYNEXT_SECRETS_PREVIOUS_KEYS), comma-separated, still open. Throws
// std::invalid_argument for a malformed key, or previous keys without one.
crypto::SecretBox secretsSettings(const Poco::Util::AbstractConfiguration& config);

}  // namespace paynext::core::app
