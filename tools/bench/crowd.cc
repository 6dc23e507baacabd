#include "tools/bench/crowd.h"

namespace paynext::tools::bench {
namespace {

std::string crowdAddress(int n) { return "127.0.0." + std::to_string(2 + n % 8); }

}  // namespace

Crowd::Crowd(int port, const std::string& path, int slow, int idle) {
  connections_.reserve(static_cast<std::size_t>(slow + idle));
  for (int n = 0; n < slow; ++n) {
    connections_.emplace_back(port, crowdAddress(n));
    connections_.back().send("POST " + path + " HTTP/1.1\r\nHost: paynext\r\nContent-Le");  // and no more
  }
  for (int n = 0; n < idle; ++n) connections_.emplace_back(port, crowdAddress(n));
}

std::size_t Crowd::quietAndOpen() {
  std::size_t open = 0;
  for (auto& c : connections_) open += c.quietAndOpen() ? 1 : 0;
  return open;
}

}  // namespace paynext::tools::bench
