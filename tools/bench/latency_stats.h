#pragma once
#include <string>
#include <vector>

namespace paynext::tools::bench {

// Throughput and latency percentiles of one measured run.
struct LatencyStats {
  std::size_t requests = 0;
  std::size_t errors = 0;
  double seconds = 0;
  double p50Ms = 0;
  double p99Ms = 0;
  double maxMs = 0;

  double perSecond() const { return seconds > 0 ? static_cast<double>(requests) / seconds : 0; }
  static LatencyStats from(std::vector<double> latenciesMs, std::size_t errors, double seconds);
};

}  // namespace paynext::tools::bench
