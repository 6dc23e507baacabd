#pragma once
// An SMS provider in the test process: a Poco HTTPServer on a free port that
// records every request and answers what the test tells it to.
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <Poco/Event.h>
#include <Poco/Net/HTTPServer.h>

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
  FakeSmsProvider();
  ~FakeSmsProvider();

  std::string url() const;  // http://127.0.0.1:<port>/sms/send
  // Answers the following requests with this status and body.
  void answer(int status, const std::string& body);
  // Holds each following answer back this long (or until the provider stops).
  void delay(int ms);
  std::vector<RecordedRequest> requests() const;

  struct State {
    mutable std::mutex mutex;
    std::vector<RecordedRequest> requests;
    int status = 200;
    std::string body = "{\"messageId\":\"m-1\"}";
    int delayMs = 0;
    Poco::Event stopping{Poco::Event::EVENT_MANUALRESET};
  };

 private:
  std::shared_ptr<State> state_;
  Poco::Net::HTTPServer server_;
};

}  // namespace paynext::plugins::sms::test
