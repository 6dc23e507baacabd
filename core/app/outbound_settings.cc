#include "core/app/outbound_settings.h"

#include "core/app/setting_values.h"

namespace paynext::core::app {

net::OutboundHttpSettings outboundHttpSettings(const Poco::Util::AbstractConfiguration& c) {
  net::OutboundHttpSettings s;
  s.connectTimeoutMs = static_cast<int>(positiveSetting(c, "http.client.connectTimeoutMs", s.connectTimeoutMs));
  s.timeoutMs = static_cast<int>(positiveSetting(c, "http.client.timeoutMs", s.timeoutMs));
  s.maxReplyBytes = positiveSetting(c, "http.client.maxReplyBytes", s.maxReplyBytes);
  return s;
}

}  // namespace paynext::core::app
