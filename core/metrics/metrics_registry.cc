#include "core/metrics/metrics_registry.h"

#include <sstream>

namespace paynext::core::metrics {

namespace {

std::string escape(const std::string& value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

std::string number(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

}  // namespace

std::string sampleLine(const std::string& name, const Labels& labels, const std::string& value) {
  std::string line = name;
  if (!labels.empty()) {
    line += '{';
    for (std::size_t i = 0; i < labels.size(); ++i) {
      if (i) line += ',';
      line += labels[i].first + "=\"" + escape(labels[i].second) + "\"";
    }
    line += '}';
  }
  return line + " " + value + "\n";
}

void MetricsRegistry::describe(const std::string& name, const std::string& type, const std::string& help) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto& f = families_[name];
  f.type = type;
  f.help = help;
}

void MetricsRegistry::increment(const std::string& name, const Labels& labels, std::uint64_t by) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto& f = families_[name];
  if (f.type.empty()) f.type = "counter";
  f.counters[labels] += by;
}

void MetricsRegistry::observeSeconds(const std::string& name, const Labels& labels, double seconds) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto& f = families_[name];
  if (f.type.empty()) f.type = "histogram";
  auto& h = f.histograms[labels];
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++h.buckets[i];
  }
  ++h.count;
  h.sum += seconds;
}

std::uint64_t MetricsRegistry::counter(const std::string& name, const Labels& labels) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto f = families_.find(name);
  if (f == families_.end()) return 0;
  auto c = f->second.counters.find(labels);
  return c == f->second.counters.end() ? 0 : c->second;
}

std::string MetricsRegistry::render() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::string out;
  for (const auto& [name, f] : families_) {
    if (f.counters.empty() && f.histograms.empty()) continue;
    if (!f.help.empty()) out += "# HELP " + name + " " + f.help + "\n";
    out += "# TYPE " + name + " " + f.type + "\n";
    for (const auto& [labels, value] : f.counters) out += sampleLine(name, labels, std::to_string(value));
    for (const auto& [labels, h] : f.histograms) {
      for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        Labels withLe = labels;
        withLe.emplace_back("le", number(kBuckets[i]));
        out += sampleLine(name + "_bucket", withLe, std::to_string(h.buckets[i]));
      }
      Labels inf = labels;
      inf.emplace_back("le", "+Inf");
      out += sampleLine(name + "_bucket", inf, std::to_string(h.count));
      out += sampleLine(name + "_sum", labels, number(h.sum));
      out += sampleLine(name + "_count", labels, std::to_string(h.count));
    }
  }
  return out;
}

}  // namespace paynext::core::metrics
