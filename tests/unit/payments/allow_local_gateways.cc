#include <memory>

#include "core/net/outbound_policy.h"
#include "core/net/outbound_session.h"

namespace {

// The gateways of these tests are local servers on 127.0.0.1, which the
// outbound policy refuses unless allow-listed (as paynextd's tests do).
const bool kAllowLocalGateways = [] {
  paynext::core::net::setGatewayOutboundPolicy(std::make_shared<paynext::core::net::OutboundPolicy>("127.0.0.1"));
  return true;
}();

}  // namespace
