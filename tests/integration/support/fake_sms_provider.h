#pragma once
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <Poco/Net/HTTPServer.h>

namespace paynext::testing {

struct ReceivedSms {
  std::string idempotencyKey;
  std::string body;
};

// An SMS provider on 127.0.0.1:<port> that records what arrives and answers
// with the queued statuses (200 once the queue is empty).
class FakeSmsProvider {
 public:
  FakeSmsProvider();
  ~FakeSmsProvider();

  int port() const;
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port()) + "/send"; }
  void queueStatus(int status);
  std::vector<ReceivedSms> received() const;

  // Used by the request handler.
  int record(ReceivedSms sms);

 private:
  mutable std::mutex mutex_;
  std::deque<int> statuses_;
  std::vector<ReceivedSms> received_;
  std::unique_ptr<Poco::Net::HTTPServer> server_;
};

}  // namespace paynext::testing
