#pragma once
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "tests/integration/support/child_process.h"
#include "tests/integration/support/http_client.h"
#include "tests/integration/support/test_database.h"
#include "tests/support/temp_dir.h"

namespace paynext::testing {

inline constexpr const char* kAdminToken = "test-admin-token";
inline constexpr const char* kAppId = "wxd930ea5d5a258f4f";
inline constexpr const char* kMchId = "10000100";
inline constexpr const char* kApiKey = "192006250b4c09247ec02edce69f6a2d";
inline constexpr const char* kAlipayAppId = "2021000000000001";
// The WeChat Pay API v3 merchant the simulator knows (keys from
// tests/unit/payments/wxpay_v3/v3_test_keys.h: merchantKey() and platformKey()).
inline constexpr const char* kV3MchId = "1230000109";
inline constexpr const char* kV3MchSerial = "5157F09EFDC096DE15EBE81A47057A72";
inline constexpr const char* kV3PlatformSerial = "7132D72A03E93CDDF8C03BBD1F37EEDF";
inline constexpr const char* kApiV3Key = "a7cde1ZJB1kG2e7YCUj5gUbWtVjUrUfp";

struct EnvOptions {
  // Plugin files to load: names of in-tree plugins ("orders") or test
  // plugins ("test:testkit").
  std::vector<std::string> plugins = {"orders", "sms", "deposit", "test:testkit"};
  std::map<std::string, std::string> config;  // extra paynextd properties
  bool gatewaysim = true;
  // PEM files: the simulator serves HTTPS with them, verified against caFile.
  std::string simCertificate, simPrivateKey, caFile;
  // Another env's storage(): this paynextd shares that database (several
  // instances behind one load balancer); empty gives the env its own.
  std::string sharedStorage;
  // paynextd's outbound.allow. The local fakes and gatewaysim listen on
  // 127.0.0.1, so it is allow-listed by default; "$sim" stands for
  // 127.0.0.1:<gatewaysim's port>, so a test can allow only the fakes it names.
  std::string outboundAllow = "127.0.0.1";
  std::vector<std::string> simArgs;  // more gatewaysim options (after the merchants)
};

// A real gatewaysim and a real paynextd on free ports, with their own
// database (a SQLite file under a temp dir, or a PostgreSQL database: see
// test_database.h); helpers for the admin and mobile APIs.
class PaynextEnv {
 public:
  explicit PaynextEnv(EnvOptions options = {});
  ~PaynextEnv();

  void startServer();
  // A paynextd property for the next startServer() (e.g. after stopServer).
  void setConfig(const std::string& key, const std::string& value) { options_.config[key] = value; }
  void stopServer(int sig);  // SIGTERM waits for a clean exit; SIGKILL does not
  std::string log() const;   // paynextd's output so far
  int serverPort() const { return port_; }
  const TempDir& dir() const { return dir_; }
  // paynextd's storage.url: give it to DbProbe.
  const std::string& storage() const { return database_ ? database_->url() : options_.sharedStorage; }

  HttpClient api() const { return HttpClient(port_); }
  HttpClient sim() const { return HttpClient(simPort_, options_.simCertificate.empty() ? "" : options_.caFile); }

  HttpResult admin(const std::string& method, const std::string& path, const std::string& json = "") const;
  // A factory with the given modules enabled and WeChat Pay and Alipay
  // pointing at the simulator (keys from tests/support/rsa_test_keys.h).
  void createFactory(const std::string& name, const std::vector<std::string>& modules);
  // Switches the factory's WeChat channel to API v3 with the simulator's v3
  // merchant (the platform key given as a certificate).
  void useWxpayV3(const std::string& factory);
  // Gives the factory's WeChat Pay v2 channel the merchant's API certificate
  // (PEM files) that v2 refunds show; over plain HTTP the simulator must run
  // with --secapi-without-tls (EnvOptions::simArgs).
  void useWxpayV2Certificate(const std::string& factory, const std::string& certificateFile,
                             const std::string& privateKeyFile);
  // Registers and logs in a user; returns the token.
  std::string userToken(const std::string& factory, const std::string& mobile);
  // The mobile envelope of POST /{factory}{path}.
  Poco::JSON::Object::Ptr call(const std::string& factory, const std::string& path,
                               const std::map<std::string, std::string>& fields) const;
  // Tells the simulator the user paid.
  void simPay(const std::string& outTradeId, const std::string& extraJson = "");
  // The same for several payments at once, so that their notifications and
  // steps race (a last seat, a last coupon).
  void simPayAtOnce(const std::vector<std::string>& outTradeIds);

 private:
  EnvOptions options_;
  TempDir dir_;
  std::unique_ptr<TestDatabase> database_;  // none when sharing another env's
  std::unique_ptr<ChildProcess> sim_;
  std::unique_ptr<ChildProcess> server_;
  int simPort_ = 0;
  int port_ = 0;
};

// The body of PUT .../channels/wxpay: the simulator's v2 merchant at
// gatewayUrl with the API certificate and key read from the PEM files.
std::string wxpayV2WithCertificate(const std::string& certificateFile, const std::string& privateKeyFile,
                                   const std::string& gatewayUrl);

// Polls until pred() holds or the deadline passes; returns pred()'s last value.
bool eventually(const std::function<bool()>& pred, std::chrono::milliseconds deadline = std::chrono::seconds(20));

}  // namespace paynext::testing
