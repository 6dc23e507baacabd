#include "core/transport/connection_limits.h"

namespace paynext::core::transport {

ConnectionLimits::ConnectionLimits(std::size_t maxTotal, std::size_t maxPerAddress)
    : maxTotal_(maxTotal), maxPerAddress_(maxPerAddress) {}

bool ConnectionLimits::admit(const std::string& address, bool exempt) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (total_ >= maxTotal_) return false;
  if (!exempt) {
    auto& count = perAddress_[address];
    if (count >= maxPerAddress_) {
      if (count == 0) perAddress_.erase(address);
      return false;
    }
    ++count;
  }
  ++total_;
  return true;
}

void ConnectionLimits::release(const std::string& address, bool exempt) {
  std::lock_guard<std::mutex> lock(mutex_);
  --total_;
  if (exempt) return;
  auto it = perAddress_.find(address);
  if (it != perAddress_.end() && --it->second == 0) perAddress_.erase(it);
}

std::size_t ConnectionLimits::total() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return total_;
}

std::size_t ConnectionLimits::from(const std::string& address) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = perAddress_.find(address);
  return it == perAddress_.end() ? 0 : it->second;
}

}  // namespace paynext::core::transport
