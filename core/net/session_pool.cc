#include "core/net/session_pool.h"

#include <algorithm>

namespace paynext::core::net {

std::unique_ptr<Poco::Net::HTTPClientSession> SessionPool::take(const std::string& key, Clock::time_point now) {
  std::vector<Idle> stale;  // closed outside the lock
  std::unique_ptr<Poco::Net::HTTPClientSession> found;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = idle_.find(key);
    if (it == idle_.end()) return nullptr;
    auto& sessions = it->second;
    // Oldest first: those idle too long are dropped, the newest is taken.
    const auto fresh = std::find_if(sessions.begin(), sessions.end(),
                                    [&](const Idle& i) { return now - i.since < maxIdleAge_; });
    std::move(sessions.begin(), fresh, std::back_inserter(stale));
    sessions.erase(sessions.begin(), fresh);
    if (!sessions.empty()) {
      found = std::move(sessions.back().session);
      sessions.pop_back();
    }
    if (sessions.empty()) idle_.erase(it);
  }
  return found;
}

void SessionPool::give(const std::string& key, std::unique_ptr<Poco::Net::HTTPClientSession> session,
                       Clock::time_point now) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto& sessions = idle_[key];
  if (sessions.size() >= maxIdlePerKey_) return;  // session closes as it goes out of scope
  sessions.push_back({std::move(session), now});
}

std::size_t SessionPool::idle(const std::string& key) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = idle_.find(key);
  return it == idle_.end() ? 0 : it->second.size();
}

}  // namespace paynext::core::net
