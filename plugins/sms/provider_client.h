#pragma once
#include <memory>
#include <string>

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/URI.h>

#include "paynext/sdk/action_context.h"

namespace paynext::plugins::sms {

// What the SMS provider answered.
struct ProviderReply {
  int status = 0;
  std::string reason;  // the HTTP reason phrase
  std::string body;    // at most ProviderClient::kMaxReplyBytes

  bool ok() const { return status >= 200 && status < 300; }
  bool transient() const { return status >= 500; }
  // "messageId" of a JSON reply, empty if there is none.
  std::string messageId() const;
  // The provider's own words: "message" or "msg" of a JSON reply, else the start of the body.
  std::string message() const;
};

// POSTs JSON to an SMS provider with the step's idempotency key, within the
// host's HTTP timeouts. Network failures surface as Poco::Exception.
class ProviderClient {
 public:
  static constexpr std::size_t kMaxReplyBytes = 64 * 1024;

  explicit ProviderClient(const sdk::HttpClientSettings& settings);

  // Whether a provider URL can be used: http:// with a host. https needs a
  // session from Poco::NetSSL in open() and its library linked, nothing else.
  static bool supports(const std::string& url);

  ProviderReply postJson(const std::string& url, const std::string& idempotencyKey, const std::string& json);

 private:
  std::unique_ptr<Poco::Net::HTTPClientSession> open(const Poco::URI& uri) const;

  sdk::HttpClientSettings settings_;
};

}  // namespace paynext::plugins::sms
