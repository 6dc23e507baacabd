#pragma once
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace paynext::core::transport {

// Counts open connections in total and per client address, so that one
// client (or a crowd) cannot hold every socket: past a bound a new
// connection is refused at once.
class ConnectionLimits {
 public:
  ConnectionLimits(std::size_t maxTotal, std::size_t maxPerAddress);

  // Takes a place for a connection from address; false when a bound is
  // reached. An exempt address (a trusted proxy) counts only in the total.
  bool admit(const std::string& address, bool exempt);
  void release(const std::string& address, bool exempt);

  std::size_t total() const;
  std::size_t from(const std::string& address) const;

 private:
  const std::size_t maxTotal_;
  const std::size_t maxPerAddress_;
  mutable std::mutex mutex_;
  std::size_t total_ = 0;
  std::unordered_map<std::string, std::size_t> perAddress_;
};

}  // namespace paynext::core::transport
