#pragma once
#include <cstddef>
#include <memory>

#include "core/net/outbound_policy.h"
#include "core/net/outbound_session.h"
#include "paynext/sdk/http_client.h"

namespace paynext::core::net {

struct OutboundHttpSettings {
  int connectTimeoutMs = 3000;
  int timeoutMs = 10000;
  std::size_t maxReplyBytes = sdk::HttpClient::kMaxReplyBytes;  // longer replies are cut here
};

// The one client every plugin's outside call goes through: http and https
// (verified like gateway calls), the host's timeouts, bounded replies, and the
// outbound policy on the resolved address (see openOutboundSession). Redirects
// are answered to the plugin as they are, never followed.
class OutboundHttpClient : public sdk::HttpClient {
 public:
  explicit OutboundHttpClient(OutboundHttpSettings settings,
                              std::shared_ptr<const OutboundPolicy> policy = std::make_shared<OutboundPolicy>(),
                              Resolver resolve = systemResolve)
      : settings_(settings), policy_(std::move(policy)), resolve_(std::move(resolve)) {}
  sdk::HttpReply send(const sdk::HttpRequest& request) override;
  std::optional<std::string> refusal(const std::string& url) override {
    return outboundRefusal(url, *policy_, resolve_);
  }

 private:
  OutboundHttpSettings settings_;
  std::shared_ptr<const OutboundPolicy> policy_;
  Resolver resolve_;
};

}  // namespace paynext::core::net
