#pragma once
// An SMS provider behind the harness's scripted HTTP client: records every
// request and answers what the test tells it to. The host's real client
// (timeouts, refused connections) is tested with the core's net tests.
#include <string>
#include <vector>

#include <Poco/Net/HTTPResponse.h>
#include <Poco/URI.h>

#include "paynext/sdk/testing/scripted_http_client.h"

namespace paynext::plugins::sms::test {

struct RecordedRequest {
  std::string method;
  std::string uri;
  std::string contentType;
  std::string idempotencyKey;  // the Idempotency-Key header
  std::string body;
};

class FakeSmsProvider {
 public:
  explicit FakeSmsProvider(sdk::testing::ScriptedHttpClient& http) : http_(http) {
    http_.answer = [this](const sdk::HttpRequest& request) { return reply(request); };
  }

  std::string url() const { return "http://sms.test/sms/send"; }
  // Answers the following requests with this status and body.
  void answer(int status, const std::string& body) {
    status_ = status;
    body_ = body;
    failure_.clear();
  }
  // The following requests fail as the host's client fails: nothing answered.
  void fail(const std::string& why) { failure_ = why; }
  std::vector<RecordedRequest> requests() const { return requests_; }

 private:
  sdk::HttpReply reply(const sdk::HttpRequest& request) {
    auto header = request.headers.find("Idempotency-Key");
    requests_.push_back({request.method, Poco::URI(request.url).getPathAndQuery(), request.contentType,
                         header == request.headers.end() ? "" : header->second, request.body});
    if (!failure_.empty()) throw sdk::HttpError(failure_);
    sdk::HttpReply r;
    r.status = status_;
    r.reason = Poco::Net::HTTPResponse::getReasonForStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status_));
    r.body = body_;
    return r;
  }

  sdk::testing::ScriptedHttpClient& http_;
  std::vector<RecordedRequest> requests_;
  int status_ = 200;
  std::string body_ = "{\"messageId\":\"m-1\"}";
  std::string failure_;
};

}  // namespace paynext::plugins::sms::test
