// The admin console end to end in a real headless Chromium: this test sets
// the stage (a factory, a user, a payment whose chain step failed, its WeChat
// channel able to refund), then
// tests/browser/console_test.mjs drives the page like an admin would.
// Runs as the ctest browser_console (tests/browser/CMakeLists.txt), which
// sets PAYNEXT_BROWSER_SCRIPT; tools/setup.sh installs Chromium and npm ci.
#include <cstdlib>
#include <filesystem>

#include <gtest/gtest.h>

#include "tests/integration/support/paynext_env.h"
#include "tests/integration/support/program_run.h"
#include "tests/support/test_certificates.h"

namespace paynext::testing {
namespace {

std::string envOr(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return v && *v ? v : fallback;
}

TEST(BrowserConsole, AdminLogsInEnablesSmsSetsParameterAndRetriesAFailedStep) {
  const std::string script = envOr("PAYNEXT_BROWSER_SCRIPT", "");
  if (script.empty()) GTEST_SKIP() << "run through ctest -R browser_console";
  const std::filesystem::path browserDir = std::filesystem::path(script).parent_path();
  ASSERT_TRUE(std::filesystem::exists(browserDir / "node_modules" / "playwright-core"))
      << "playwright-core is missing: run tools/setup.sh via tools/test, or npm ci in " << browserDir;
  const std::string chromium = envOr("PAYNEXT_CHROMIUM", "/usr/bin/chromium");
  ASSERT_TRUE(std::filesystem::exists(chromium)) << chromium << " is missing: apt-get install chromium";
  const std::string artifacts = envOr("PAYNEXT_BROWSER_ARTIFACTS", "");
  if (!artifacts.empty()) {  // only this run's screenshots
    std::filesystem::remove_all(artifacts);
    std::filesystem::create_directories(artifacts);
  }

  // throwing_factory is refused at start-up: 模块管理 lists it with its reason.
  EnvOptions options{{"orders", "sms", "deposit", "campus", "test:testkit", "test:throwing_factory"}};
  options.simArgs = {"--secapi-without-tls"};  // v2 refunds over plain HTTP
  PaynextEnv env{options};
  env.createFactory("f1", {"testkit", "campus"});  // sms stays off: the admin turns it on in the console
  const TestCertificates certs;  // the merchant's API certificate, for the refund the admin makes
  env.useWxpayV2Certificate("f1", certs.certificate(), certs.privateKey());
  // The step reads its mode when it runs: "fail" now, "done" once the admin fixes it.
  ASSERT_EQ(200, env.admin("PUT", "/factories/f1/config/testkit.mode", "{\"value\":\"fail\"}").status);
  const std::string token = env.userToken("f1", "13800000042");
  auto pay = [&](const std::string& nextAction) {
    auto r = env.call("f1", "/pay/wx/wxapp", {{"token", token}, {"money", "1.00"}, {"nextAction", nextAction}});
    EXPECT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
    return r->getObject("data")->getValue<std::string>("outTradeId");
  };
  pay("");  // an unpaid payment the filters must leave out
  const std::string failing = pay("{type:900, mode:{from:'config', key:'testkit.mode'}}");
  env.simPay(failing);
  ASSERT_TRUE(eventually([&] {
    auto r = env.admin("GET", "/factories/f1/payments/" + failing);
    return r.status == 200 && r.body.find("\"status\":\"FAILED\"") != std::string::npos;
  })) << env.admin("GET", "/factories/f1/payments/" + failing).body;
  const std::string uid = std::to_string(
      env.admin("GET", "/factories/f1/payments/" + failing).json()->getValue<std::int64_t>("userId"));

  const auto run = runProgram("/usr/bin/env", {"node", script},
                              {{"PAYNEXT_URL", "http://127.0.0.1:" + std::to_string(env.serverPort())},
                               {"PAYNEXT_ADMIN_TOKEN", kAdminToken},
                               {"PAYNEXT_FACTORY", "f1"},
                               {"PAYNEXT_OUT_TRADE_ID", failing},
                               {"PAYNEXT_USER_ID", uid},
                               {"PAYNEXT_CHROMIUM", chromium},
                               {"PAYNEXT_BROWSER_ARTIFACTS", artifacts}},
                              "", 120000);
  std::cout << run.out << run.err;
  ASSERT_EQ(0, run.exitCode) << "console_test.mjs failed (screenshots in " << artifacts << ")";

  // What the clicks changed, seen by the server rather than the page.
  auto detail = env.admin("GET", "/factories/f1/payments/" + failing).json();
  EXPECT_EQ("DONE", detail->getArray("steps")->getObject(0)->getValue<std::string>("status"));
  EXPECT_NE(std::string::npos, env.admin("GET", "/factories/f1/config").body.find("\"testkit.mode\":\"done\""));
  EXPECT_NE(std::string::npos, env.admin("GET", "/factories/f1").body.find("\"sms\":true"));
  auto refund = detail->getArray("refunds")->getObject(0);
  EXPECT_EQ("RF-console-1", refund->getValue<std::string>("refundNo"));
  EXPECT_EQ(100, refund->getValue<int>("amount"));
  EXPECT_EQ("console-admin", refund->getValue<std::string>("actor"));
  EXPECT_EQ(1u, detail->getArray("refunds")->size());  // the refused attempts left nothing
  const std::string audit = env.admin("GET", "/audit?factory=f1").body;
  EXPECT_NE(std::string::npos, audit.find("\"action\":\"payment.retry\""));
  EXPECT_NE(std::string::npos, audit.find("\"action\":\"payment.refund\""));
  EXPECT_NE(std::string::npos, audit.find("\"actor\":\"console-admin\""));
}

}  // namespace
}  // namespace paynext::testing
