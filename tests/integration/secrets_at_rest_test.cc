// Channel secrets sealed at rest: with secrets.key the database never holds a
// channel's keys in plain text, plain settings from before are sealed at
// start-up, and a rotated key reseals everything; payments work throughout.
#include <csignal>

#include <gtest/gtest.h>

#include "tests/integration/support/db_probe.h"
#include "tests/integration/support/paynext_env.h"

namespace paynext::testing {
namespace {

const std::string kKeyA = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
const std::string kKeyB = "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=";

class SecretsAtRestTest : public ::testing::Test {
 protected:
  std::string stored() { return db_.joined("SELECT config FROM factory_channels ORDER BY channel"); }
  std::int64_t plain() {
    return db_.count("SELECT COUNT(*) FROM factory_channels WHERE config NOT LIKE 'enc:v1:%'");
  }
  // A whole WeChat payment: the sealed settings are opened to sign and verify.
  void payOnce(const std::string& mobile) {
    const auto token = env_.userToken("f1", mobile);
    auto r = env_.call("f1", "/pay/wx/wxapp", {{"token", token}, {"money", "0.10"}});
    ASSERT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
    const auto out = r->getObject("data")->getValue<std::string>("outTradeId");
    env_.simPay(out);
    EXPECT_TRUE(eventually([&] { return db_.text("SELECT status FROM payments WHERE out_trade_id = '" + out + "'") == "PAID"; }));
  }
  static std::size_t occurrences(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
  }

  PaynextEnv env_{EnvOptions{{"test:testkit"}}};
  DbProbe db_{env_.storage()};
};

TEST_F(SecretsAtRestTest, PlainSettingsAreSealedAtStartUpAndARotatedKeyResealsThem) {
  // No key: one warning at start-up, and the settings as they are.
  EXPECT_EQ(1u, occurrences(env_.log(), "secrets.key is not set: payment channel secrets are stored in plain text"));
  env_.createFactory("f1", {"testkit"});
  EXPECT_NE(std::string::npos, stored().find(kApiKey));
  payOnce("13800000001");

  env_.stopServer(SIGTERM);
  env_.setConfig("secrets.key", kKeyA);
  env_.startServer();
  const std::string sealedLine = "sealed " + std::to_string(db_.count("SELECT COUNT(*) FROM factory_channels")) +
                                 " channel settings with the current secrets key";
  EXPECT_EQ(1u, occurrences(env_.log(), sealedLine)) << env_.log();
  EXPECT_EQ(0, plain());
  EXPECT_EQ(std::string::npos, stored().find(kApiKey));
  const std::string sealedWithA = stored();
  payOnce("13800000002");
  // The admin API still shows the settings, secrets redacted, from the sealed rows.
  auto channels = env_.admin("GET", "/factories/f1/channels");
  EXPECT_EQ(200, channels.status);
  EXPECT_NE(std::string::npos, channels.body.find(kMchId));
  EXPECT_EQ(std::string::npos, channels.body.find(kApiKey));

  // Rotation: the new key seals, the old one still opens until start-up reseals.
  env_.stopServer(SIGTERM);
  env_.setConfig("secrets.key", kKeyB);
  env_.setConfig("secrets.previousKeys", kKeyA);
  env_.startServer();
  EXPECT_TRUE(eventually([&] { return stored() != sealedWithA && plain() == 0; }));
  payOnce("13800000003");

  // Without the key that sealed them the settings cannot be read: paynextd
  // refuses to start rather than run with channels it cannot use.
  env_.stopServer(SIGTERM);
  env_.setConfig("secrets.key", kKeyA);
  env_.setConfig("secrets.previousKeys", "");
  EXPECT_ANY_THROW(env_.startServer());
  EXPECT_TRUE(eventually([&] { return env_.log().find("start-up failed: a secret is sealed with key ") != std::string::npos; }))
      << env_.log();
  EXPECT_NE(std::string::npos, env_.log().find(", which is not configured (secrets.key)"));
  EXPECT_EQ(3, db_.count("SELECT COUNT(*) FROM payments"));
}

TEST_F(SecretsAtRestTest, SettingsSavedWithAKeyAreNeverStoredInPlainText) {
  env_.stopServer(SIGTERM);
  env_.setConfig("secrets.key", kKeyA);
  env_.startServer();
  // paynextd's log is appended to: only the first start warned.
  EXPECT_EQ(1u, occurrences(env_.log(), "secrets.key is not set"));
  env_.createFactory("f1", {"testkit"});
  EXPECT_EQ(0, plain());
  EXPECT_EQ(std::string::npos, stored().find(kApiKey));
  payOnce("13800000001");
}

}  // namespace
}  // namespace paynext::testing
