#pragma once
#include <chrono>
#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <Poco/Net/HTTPClientSession.h>

namespace paynext::core::net {

// Idle keep-alive sessions to the payment gateways, so that a call reuses a
// connection (and its TLS session) instead of connecting anew each time.
// Keyed by scheme, host name, checked address and port: a session is only
// reused for the address the outbound policy checked for this call.
class SessionPool {
 public:
  using Clock = std::chrono::steady_clock;
  // maxIdleAge stays below the keep-alive timeout of common servers (nginx
  // 75 s, Poco 10 s), so that a reused connection is rarely one the far side
  // has just closed.
  explicit SessionPool(std::size_t maxIdlePerKey = 64, Clock::duration maxIdleAge = std::chrono::seconds(4))
      : maxIdlePerKey_(maxIdlePerKey), maxIdleAge_(maxIdleAge) {}

  // The most recently returned idle session for key, or null.
  std::unique_ptr<Poco::Net::HTTPClientSession> take(const std::string& key, Clock::time_point now = Clock::now());
  // Keeps session for the next call to key; past the bound it is closed.
  void give(const std::string& key, std::unique_ptr<Poco::Net::HTTPClientSession> session,
            Clock::time_point now = Clock::now());
  std::size_t idle(const std::string& key) const;

 private:
  struct Idle {
    std::unique_ptr<Poco::Net::HTTPClientSession> session;
    Clock::time_point since;
  };
  const std::size_t maxIdlePerKey_;
  const Clock::duration maxIdleAge_;
  mutable std::mutex mutex_;
  std::map<std::string, std::vector<Idle>> idle_;
};

}  // namespace paynext::core::net
