#pragma once
#include <deque>
#include <mutex>
#include <string>
#include <vector>

#include "tests/support/local_http_server.h"

namespace paynext::testing {

struct ReceivedSms {
  std::string idempotencyKey;
  std::string body;
};

// An SMS provider on 127.0.0.1:<port> that records what arrives and answers
// with the queued statuses (200 once the queue is empty), each after the
// delay set (a provider that hangs).
class FakeSmsProvider {
 public:
  FakeSmsProvider()
      : server_([this](const LocalRequest& request) {
          std::lock_guard<std::mutex> lock(mutex_);
          int status = 200;
          if (!statuses_.empty()) {
            status = statuses_.front();
            statuses_.pop_front();
          }
          return LocalReply{status, status == 200 ? "{\"messageId\":\"m-1\"}" : "{\"message\":\"provider says no\"}",
                            "application/json", delayMs_};
        }) {}

  int port() const { return server_.port(); }
  std::string url() const { return server_.url("/send"); }
  void queueStatus(int status) {
    std::lock_guard<std::mutex> lock(mutex_);
    statuses_.push_back(status);
  }
  void setDelay(int ms) {
    std::lock_guard<std::mutex> lock(mutex_);
    delayMs_ = ms;
  }
  std::vector<ReceivedSms> received() const {
    std::vector<ReceivedSms> out;
    for (const auto& r : server_.requests()) out.push_back({r.header("Idempotency-Key"), r.body});
    return out;
  }

 private:
  std::mutex mutex_;
  std::deque<int> statuses_;
  int delayMs_ = 0;
  LocalHttpServer server_;
};

}  // namespace paynext::testing
