#pragma once
#include <Poco/Util/AbstractConfiguration.h>

#include "core/transport/transport_options.h"

namespace paynext::core::app {

// The connection layer's settings from http.* and https.* (documented in
// etc/paynext.properties); throws Poco::InvalidArgumentException for a value
// out of range.
transport::TransportOptions transportSettings(const Poco::Util::AbstractConfiguration& config);

}  // namespace paynext::core::app
