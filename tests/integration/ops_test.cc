// /readyz, /metrics, request ids and the access log.
#include <gtest/gtest.h>

#include "tests/integration/support/paynext_env.h"

namespace paynext::testing {
namespace {

TEST(OpsTest, ReadyWhenTheDatabaseAnswersAndPluginsAreLoaded) {
  PaynextEnv env(EnvOptions{{"test:testkit"}, {}, false});
  auto r = env.api().get("/readyz");
  EXPECT_EQ(200, r.status);
  EXPECT_EQ("ready: database ok, 1 plugins\n", r.body);
  EXPECT_EQ("OK", r.reason);
  // Every status carries its own reason phrase, not "OK".
  EXPECT_EQ("Not Found", env.api().get("/nosuch/user/amount").reason);
  EXPECT_EQ("Unauthorized", env.api().get("/admin/api/factories").reason);
}

TEST(OpsTest, NotReadyWithoutPlugins) {
  PaynextEnv env(EnvOptions{{}, {}, false});
  auto r = env.api().get("/readyz");
  EXPECT_EQ(503, r.status);
  EXPECT_EQ("no plugins loaded\n", r.body);
  EXPECT_EQ(200, env.api().get("/healthz").status);
}

TEST(OpsTest, RequestIdIsEchoedOrMadeAndTheAccessLogHasNoQueryString) {
  PaynextEnv env(EnvOptions{{"test:testkit"}, {}, false});
  auto r = env.api().get("/healthz", {{"X-Request-Id", "abc-123"}});
  EXPECT_EQ("abc-123", r.headers.at("X-Request-Id"));
  r = env.api().get("/healthz", {{"X-Request-Id", "bad id with spaces"}});
  EXPECT_EQ(16u, r.headers.at("X-Request-Id").size());
  env.createFactory("f1", {});
  env.api().get("/f1/user/amount?token=secrettoken123");
  ASSERT_TRUE(eventually([&] { return env.log().find("GET /f1/user/amount 200") != std::string::npos; }));
  EXPECT_NE(std::string::npos, env.log().find("GET /healthz 200"));
  EXPECT_NE(std::string::npos, env.log().find("id=abc-123"));
  EXPECT_EQ(std::string::npos, env.log().find("secrettoken123"));
}

TEST(OpsTest, MetricsCountRequestsPaymentsStepsAndNotifications) {
  PaynextEnv env;
  env.createFactory("f1", {"testkit"});
  const auto token = env.userToken("f1", "13800000000");
  auto r = env.call("f1", "/pay/wx/wxapp", {{"token", token}, {"money", "0.10"}, {"nextAction", "{type:900}"}});
  ASSERT_EQ(0, r->getValue<int>("code"));
  const auto out = r->getObject("data")->getValue<std::string>("outTradeId");
  env.api().send("POST", "/notify/wxpay/f1", "<xml>", "text/xml");
  env.simPay(out);
  ASSERT_TRUE(eventually([&] {
    return env.api().get("/metrics").body.find("paynext_chain_steps{type=\"900\",status=\"DONE\"} 1") !=
           std::string::npos;
  }));
  const std::string text = env.api().get("/metrics").body;
  EXPECT_NE(std::string::npos, text.find("paynext_http_requests_total{route=\"/pay/wx/wxapp\",status=\"200\"} 1\n"));
  EXPECT_NE(std::string::npos, text.find("paynext_http_requests_total{route=\"/user/m/login\",status=\"200\"} 1\n"));
  EXPECT_NE(std::string::npos, text.find("paynext_http_request_duration_seconds_count{route=\"/pay/wx/wxapp\"} 1\n"));
  EXPECT_NE(std::string::npos, text.find("paynext_notifications_total{channel=\"wxpay\",outcome=\"malformed\"} 1\n"));
  EXPECT_NE(std::string::npos, text.find("paynext_notifications_total{channel=\"wxpay\",outcome=\"settled\"} 1\n"));
  EXPECT_NE(std::string::npos, text.find("paynext_payments{channel=\"wxpay\",status=\"PAID\"} 1\n"));
  EXPECT_NE(std::string::npos, text.find("# TYPE paynext_worker_lag_seconds gauge\n"));
  EXPECT_NE(std::string::npos, text.find("# TYPE paynext_plugins_refused gauge\npaynext_plugins_refused 0\n"));
  // Unknown paths share one label, so clients cannot blow up the series count.
  env.api().get("/f1/no/such/a");
  env.api().get("/f1/no/such/b");
  EXPECT_NE(std::string::npos,
            env.api().get("/metrics").body.find("paynext_http_requests_total{route=\"other\",status=\"404\"} 2\n"));
}

}  // namespace
}  // namespace paynext::testing
