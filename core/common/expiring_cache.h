#pragma once
// Values read from the shared database, each trusted for at most `ttl`: a
// change another instance makes is seen here within it, and clear() drops
// everything at once when this instance makes one. A read that was under way
// while clear() ran is answered but not kept, so it cannot bring back what
// the change replaced.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <utility>

namespace paynext::core {

template <typename Key, typename Value>
class ExpiringCache {
 public:
  using Clock = std::chrono::steady_clock;

  // ttl 0: nothing is kept. Past maxEntries the cache starts over rather than grow.
  explicit ExpiringCache(std::chrono::milliseconds ttl, std::size_t maxEntries = 4096)
      : ttl_(ttl), maxEntries_(maxEntries) {}

  // The value kept for key, or load()'s (kept when nothing changed meanwhile).
  template <typename Load>
  Value get(const Key& key, Load&& load) {
    return get(key, std::forward<Load>(load), [](const Value&) { return true; });
  }

  // As get(), keeping only a loaded value keep() accepts (e.g. a found one,
  // so that look-ups of made-up keys do not fill the cache).
  template <typename Load, typename Keep>
  Value get(const Key& key, Load&& load, Keep&& keep) {
    if (ttl_.count() <= 0) return load();
    // Timed from before the read, so a value is never trusted longer than ttl.
    const Clock::time_point started = Clock::now();
    std::uint64_t generation = 0;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (auto it = entries_.find(key); it != entries_.end() && started - it->second.second < ttl_) {
        return it->second.first;
      }
      generation = generation_;
    }
    Value value = load();
    std::lock_guard<std::mutex> lock(mutex_);
    if (generation == generation_ && keep(value)) {
      if (entries_.size() >= maxEntries_) entries_.clear();
      entries_.insert_or_assign(key, std::make_pair(value, started));
    }
    return value;
  }

  void clear() {
    std::lock_guard<std::mutex> lock(mutex_);
    ++generation_;
    entries_.clear();
  }

 private:
  const std::chrono::milliseconds ttl_;
  const std::size_t maxEntries_;
  std::mutex mutex_;
  std::uint64_t generation_ = 0;
  std::map<Key, std::pair<Value, Clock::time_point>> entries_;
};

}  // namespace paynext::core
