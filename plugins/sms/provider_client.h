#pragma once
#include <string>

#include "paynext/sdk/http_client.h"

namespace paynext::plugins::sms {

// What the SMS provider answered.
struct ProviderReply {
  int status = 0;
  std::string reason;  // the HTTP reason phrase
  std::string body;    // at most sdk::HttpClient::kMaxReplyBytes

  bool ok() const { return status >= 200 && status < 300; }
  bool transient() const { return status >= 500; }
  // "messageId" of a JSON reply, empty if there is none.
  std::string messageId() const;
  // The provider's own words: "message" or "msg" of a JSON reply, else the start of the body.
  std::string message() const;
};

// POSTs JSON to an SMS provider with the step's idempotency key, through
// the host's HTTP client (its timeouts and outbound policy). Network failures
// surface as sdk::HttpError.
class ProviderClient {
 public:
  explicit ProviderClient(sdk::HttpClient& http) : http_(http) {}

  ProviderReply postJson(const std::string& url, const std::string& idempotencyKey, const std::string& json);

 private:
  sdk::HttpClient& http_;
};

}  // namespace paynext::plugins::sms
