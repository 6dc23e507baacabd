#pragma once
#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace paynext::core::metrics {

using Labels = std::vector<std::pair<std::string, std::string>>;

// Counters and latency histograms kept in memory and written in the
// Prometheus text format. Label values must come from a bounded set (route
// templates, outcomes), never from raw input.
class MetricsRegistry {
 public:
  void increment(const std::string& name, const Labels& labels, std::uint64_t by = 1);
  void observeSeconds(const std::string& name, const Labels& labels, double seconds);
  // Declares a family's help text (written once before its samples).
  void describe(const std::string& name, const std::string& type, const std::string& help);

  std::uint64_t counter(const std::string& name, const Labels& labels) const;
  std::string render() const;

  // Upper bounds of the latency buckets, in seconds.
  static constexpr std::array<double, 10> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,  0.1,    0.25,  1.0,  5.0};

 private:
  struct Histogram {
    std::array<std::uint64_t, kBuckets.size()> buckets{};
    std::uint64_t count = 0;
    double sum = 0;
  };
  struct Family {
    std::string type;
    std::string help;
    std::map<Labels, std::uint64_t> counters;
    std::map<Labels, Histogram> histograms;
  };

  mutable std::mutex mutex_;
  std::map<std::string, Family> families_;
};

// Writes one sample line: name{a="b",...} value
std::string sampleLine(const std::string& name, const Labels& labels, const std::string& value);

}  // namespace paynext::core::metrics
