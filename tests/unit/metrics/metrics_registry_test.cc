#include "core/metrics/metrics_registry.h"

#include <gtest/gtest.h>

namespace paynext::core::metrics {
namespace {

TEST(MetricsRegistryTest, CountersRenderWithLabelsAndHelp) {
  MetricsRegistry r;
  r.describe("paynext_notifications_total", "counter", "Channel notifications by outcome.");
  r.increment("paynext_notifications_total", {{"channel", "wxpay"}, {"outcome", "settled"}});
  r.increment("paynext_notifications_total", {{"channel", "wxpay"}, {"outcome", "settled"}}, 2);
  EXPECT_EQ(3u, r.counter("paynext_notifications_total", {{"channel", "wxpay"}, {"outcome", "settled"}}));
  EXPECT_EQ("# HELP paynext_notifications_total Channel notifications by outcome.\n"
            "# TYPE paynext_notifications_total counter\n"
            "paynext_notifications_total{channel=\"wxpay\",outcome=\"settled\"} 3\n",
            r.render());
}

TEST(MetricsRegistryTest, HistogramBucketsAreCumulative) {
  MetricsRegistry r;
  r.observeSeconds("lat", {{"route", "/x"}}, 0.003);
  r.observeSeconds("lat", {{"route", "/x"}}, 2.0);
  const std::string text = r.render();
  EXPECT_NE(std::string::npos, text.find("lat_bucket{route=\"/x\",le=\"0.0025\"} 0\n"));
  EXPECT_NE(std::string::npos, text.find("lat_bucket{route=\"/x\",le=\"0.005\"} 1\n"));
  EXPECT_NE(std::string::npos, text.find("lat_bucket{route=\"/x\",le=\"5\"} 2\n"));
  EXPECT_NE(std::string::npos, text.find("lat_bucket{route=\"/x\",le=\"+Inf\"} 2\n"));
  EXPECT_NE(std::string::npos, text.find("lat_count{route=\"/x\"} 2\n"));
}

TEST(MetricsRegistryTest, LabelValuesAreEscaped) {
  EXPECT_EQ("m{a=\"x\\\"y\\\\z\\n\"} 1\n", sampleLine("m", {{"a", "x\"y\\z\n"}}, "1"));
}

}  // namespace
}  // namespace paynext::core::metrics
