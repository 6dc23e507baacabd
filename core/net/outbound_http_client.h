#pragma once
#include "paynext/sdk/http_client.h"

namespace paynext::core::net {

struct OutboundHttpSettings {
  int connectTimeoutMs = 3000;
  int timeoutMs = 10000;
};

// The one client every plugin's outside call goes through: http and https
// (verified like gateway calls), the host's timeouts, bounded replies.
class OutboundHttpClient : public sdk::HttpClient {
 public:
  explicit OutboundHttpClient(OutboundHttpSettings settings) : settings_(settings) {}
  sdk::HttpReply send(const sdk::HttpRequest& request) override;

 private:
  OutboundHttpSettings settings_;
};

}  // namespace paynext::core::net
