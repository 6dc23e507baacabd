// TLS: gateway calls verify the server's certificate; paynextd serves HTTPS.
#include <fstream>

#include <gtest/gtest.h>

#include "tests/integration/support/db_probe.h"
#include "tests/integration/support/paynext_env.h"
#include "tests/support/test_certificates.h"

namespace paynext::testing {
namespace {

EnvOptions httpsGateway(const TestCertificates& certs, bool trustIt) {
  EnvOptions o;
  o.plugins = {"test:testkit"};
  o.simCertificate = certs.certificate();
  o.simPrivateKey = certs.privateKey();
  o.caFile = certs.ca();
  if (trustIt) o.config["tls.caFile"] = certs.ca();
  return o;
}

TEST(TlsTest, WholePaymentOverAnHttpsGateway) {
  TestCertificates certs;
  PaynextEnv env(httpsGateway(certs, true));
  env.createFactory("f1", {"testkit"});
  const auto token = env.userToken("f1", "13800000000");
  auto r = env.call("f1", "/pay/wx/wxapp", {{"token", token}, {"money", "0.20"}, {"nextAction", "{type:900}"}});
  ASSERT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
  const auto out = r->getObject("data")->getValue<std::string>("outTradeId");
  env.simPay(out);
  DbProbe db(env.storage());
  ASSERT_TRUE(eventually([&] { return db.count("SELECT COUNT(*) FROM chain_steps WHERE status = 'DONE'") == 1; }));
  EXPECT_EQ(20, db.count("SELECT balance FROM wallets"));
}

TEST(TlsTest, UntrustedGatewayCertificateIsRefused) {
  TestCertificates certs;
  PaynextEnv env(httpsGateway(certs, false));
  env.createFactory("f1", {});
  const auto token = env.userToken("f1", "13800000000");
  auto r = env.call("f1", "/pay/wx/wxapp", {{"token", token}, {"money", "0.20"}});
  EXPECT_EQ(500, r->getValue<int>("code"));
  EXPECT_EQ(0u, r->getValue<std::string>("msg").find("微信支付下单失败:unifiedorder: ")) << r->getValue<std::string>("msg");
  DbProbe db(env.storage());
  EXPECT_EQ("CLOSED", db.text("SELECT status FROM payments"));
  EXPECT_EQ(0, db.count("SELECT COUNT(*) FROM ledger_entries"));
}

TEST(TlsTest, PaynextdServesHttps) {
  TestCertificates certs;
  TempDir dir;
  EnvOptions o;
  o.plugins = {"test:testkit"};
  o.gatewaysim = false;
  o.config = {{"https.port", "0"},
              {"https.certificateFile", certs.certificate()},
              {"https.privateKeyFile", certs.privateKey()},
              {"https.portFile", dir.file("https.port")}};
  PaynextEnv env(o);
  int port = 0;
  std::ifstream(dir.file("https.port")) >> port;
  ASSERT_GT(port, 0);
  auto r = HttpClient(port, certs.ca()).get("/healthz");
  EXPECT_EQ(200, r.status);
  EXPECT_EQ("ok\n", r.body);
  // Plain HTTP on the HTTPS port gets no answer a client could take for one.
  EXPECT_ANY_THROW(HttpClient(port).get("/healthz"));
}

}  // namespace
}  // namespace paynext::testing
