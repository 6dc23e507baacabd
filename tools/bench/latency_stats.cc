#include "tools/bench/latency_stats.h"

#include <algorithm>

namespace paynext::tools::bench {

LatencyStats LatencyStats::from(std::vector<double> ms, std::size_t errors, double seconds) {
  LatencyStats s;
  s.requests = ms.size();
  s.errors = errors;
  s.seconds = seconds;
  if (ms.empty()) return s;
  std::sort(ms.begin(), ms.end());
  auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * ms.size()))]; };
  s.p50Ms = at(0.50);
  s.p99Ms = at(0.99);
  s.maxMs = ms.back();
  return s;
}

}  // namespace paynext::tools::bench
