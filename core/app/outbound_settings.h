#pragma once
#include <Poco/Util/AbstractConfiguration.h>

#include "core/net/outbound_http_client.h"

namespace paynext::core::app {

// The outside-call client's settings from http.client.* (documented in
// etc/paynext.properties); throws Poco::InvalidArgumentException for a value
// that is not a positive number.
net::OutboundHttpSettings outboundHttpSettings(const Poco::Util::AbstractConfiguration& config);

}  // namespace paynext::core::app
