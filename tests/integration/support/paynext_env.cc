#include "tests/integration/support/paynext_env.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <gtest/gtest.h>
#include <Poco/File.h>
#include <Poco/JSON/Array.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>

#include "tests/support/rsa_test_keys.h"
#include "tests/unit/payments/wxpay_v3/v3_test_keys.h"

namespace paynext::testing {

namespace {

int waitForPortFile(const std::string& file, ChildProcess& process, const std::string& what) {
  int port = 0;
  // A process that exited (a refused start-up) ends the wait at once.
  const bool ok = eventually([&] {
    std::ifstream in(file);
    return ((in >> port) && port > 0) || !process.running();
  }, std::chrono::seconds(30));
  if (!ok || !process.running() || port <= 0) throw std::runtime_error(what + " did not start");
  return port;
}

std::string readFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

bool eventually(const std::function<bool()>& pred, std::chrono::milliseconds deadline) {
  const auto end = std::chrono::steady_clock::now() + deadline;
  while (std::chrono::steady_clock::now() < end) {
    if (pred()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return pred();
}

PaynextEnv::PaynextEnv(EnvOptions options)
    : options_(std::move(options)),
      database_(options_.sharedStorage.empty() ? std::make_unique<TestDatabase>(dir_.path()) : nullptr) {
  std::filesystem::create_directories(dir_.file("plugins"));
  for (const auto& p : options_.plugins) {
    const bool test = p.rfind("test:", 0) == 0;
    const std::string name = test ? p.substr(5) : p;
    const std::string from = test ? std::string(PAYNEXT_TEST_PLUGIN_DIR) + "/" + name + "/paynext_" + name + ".so"
                                  : std::string(PAYNEXT_PLUGIN_DIR) + "/paynext_" + name + ".so";
    std::filesystem::create_symlink(from, dir_.file("plugins/paynext_" + name + ".so"));
  }
  if (options_.gatewaysim) {
    // The simulator checks the app's signatures and signs as "Alipay".
    { std::ofstream(dir_.file("app_public.pem")) << merchantKeys().publicPem; }
    { std::ofstream(dir_.file("alipay_private.pem")) << alipayKeys().pkcs8Pem; }
    // API v3: the simulator checks the merchant's signatures and signs as the platform.
    namespace v3keys = core::payments::wxpay_v3::testing;
    { std::ofstream(dir_.file("v3_merchant_public.pem")) << v3keys::publicPem(v3keys::merchantKey()); }
    { std::ofstream(dir_.file("v3_platform_private.pem")) << v3keys::privatePemPkcs8(v3keys::platformKey()); }
    std::vector<std::string> args{"--port=0", "--port-file=" + dir_.file("sim.port"),
                                  std::string("--merchant=") + kMchId + ":" + kAppId + ":" + kApiKey,
                                  std::string("--alipay-app=") + kAlipayAppId + ":" + dir_.file("app_public.pem") + ":" +
                                      dir_.file("alipay_private.pem"),
                                  std::string("--wxpay-v3=") + kV3MchId + ":" + kAppId + ":" + kV3MchSerial + ":" +
                                      dir_.file("v3_merchant_public.pem") + ":" + kV3PlatformSerial + ":" +
                                      dir_.file("v3_platform_private.pem") + ":" + kApiV3Key,
                                  "--time-scale=0.001"};
    if (!options_.simCertificate.empty()) {
      args.push_back("--tls-cert=" + options_.simCertificate);
      args.push_back("--tls-key=" + options_.simPrivateKey);
    }
    args.insert(args.end(), options_.simArgs.begin(), options_.simArgs.end());
    sim_ = std::make_unique<ChildProcess>(GATEWAYSIM_BIN, args, dir_.file("gatewaysim.log"));
    simPort_ = waitForPortFile(dir_.file("sim.port"), *sim_, "gatewaysim");
  }
  startServer();
}

PaynextEnv::~PaynextEnv() {
  if (server_) stopServer(SIGTERM);
  if (::testing::Test::HasFailure()) std::cerr << "---- paynextd log ----\n" << log() << std::endl;
  sim_.reset();
  database_.reset();  // after every process using it has gone
}

void PaynextEnv::startServer() {
  std::remove(dir_.file("paynextd.port").c_str());
  std::map<std::string, std::string> config = {
      {"http.port", "0"},
      {"http.portFile", dir_.file("paynextd.port")},
      {"storage.url", storage()},
      {"storage.poolSize", "16"},
      {"plugins.dir", dir_.file("plugins")},
      {"admin.token", kAdminToken},
      {"identity.passwordIterations", "1000"},
      // Suites register many users from 127.0.0.1; login_limits_test sets its own.
      {"identity.register.perAddress", "0"},
      {"worker.pollIntervalMs", "50"},
      {"worker.backoffBaseMs", "50"},
      {"worker.backoffCapMs", "200"},
      {"worker.maxAttempts", "3"},
      {"worker.leaseMs", "2000"},
      // A 2 s lease is shorter than some tests' slow partners: with more than
      // one thread another would take a step over while its call is under
      // way. One thread, as each test was written for; tests of concurrency
      // set their own (the multi-instance test runs the default, auto).
      {"worker.threads", "1"},
      {"outbound.allow", Poco::replace(options_.outboundAllow, std::string("$sim"),
                                       "127.0.0.1:" + std::to_string(simPort_))},
  };
  for (const auto& [k, v] : options_.config) config[k] = v;
  {
    std::ofstream out(dir_.file("paynext.properties"));
    for (const auto& [k, v] : config) out << k << " = " << v << "\n";
  }
  server_ = std::make_unique<ChildProcess>(PAYNEXTD_BIN,
                                           std::vector<std::string>{"--config=" + dir_.file("paynext.properties")},
                                           dir_.file("paynextd.log"));
  try {
    port_ = waitForPortFile(dir_.file("paynextd.port"), *server_, "paynextd");
  } catch (...) {
    server_.reset();  // a start-up that failed leaves nothing to stop
    throw;
  }
}

namespace {

// Every thread's stack of a process that will not end, through gdb when it
// is installed (tools/test installs it): what a hang left behind.
std::string threadStacks(pid_t pid) {
  const std::string gdb = "/usr/bin/gdb";
  if (!Poco::File(gdb).exists()) return "(no " + gdb + ": no stacks)";
  Poco::Pipe out;
  auto handle = Poco::Process::launch(gdb, {"-batch", "-p", std::to_string(pid), "-ex", "thread apply all bt"},
                                      nullptr, &out, &out);
  Poco::PipeInputStream in(out);
  std::string text;
  Poco::StreamCopier::copyToString(in, text);
  handle.wait();
  return text;
}

}  // namespace

void PaynextEnv::stopServer(int sig) {
  if (!server_) return;
  server_->signal(sig);
  const int status = server_->wait(30000);
  if (sig == SIGTERM) {
    EXPECT_EQ(0, status) << "paynextd did not exit cleanly on SIGTERM"
                         << (status == -1 ? "; its threads:\n" + threadStacks(server_->pid()) : "");
  }
  server_.reset();
}

std::string PaynextEnv::log() const { return readFile(dir_.file("paynextd.log")); }

HttpResult PaynextEnv::admin(const std::string& method, const std::string& path, const std::string& json) const {
  return api().send(method, "/admin/api" + path, json, json.empty() ? "" : "application/json",
                    {{"Authorization", std::string("Bearer ") + kAdminToken}});
}

void PaynextEnv::createFactory(const std::string& name, const std::vector<std::string>& modules) {
  auto r = admin("POST", "/factories", "{\"name\":\"" + name + "\",\"title\":\"测试工厂\"}");
  if (r.status != 201) throw std::runtime_error("create factory: " + r.body);
  for (const auto& m : modules) {
    r = admin("PUT", "/factories/" + name + "/modules/" + m, "{\"enabled\":true}");
    if (r.status != 200) throw std::runtime_error("enable " + m + ": " + r.body);
  }
  if (!sim_) return;
  r = admin("PUT", "/factories/" + name + "/channels/wxpay",
            std::string("{\"appId\":\"") + kAppId + "\",\"mchId\":\"" + kMchId + "\",\"apiKey\":\"" + kApiKey +
                "\",\"signType\":\"MD5\",\"gatewayUrl\":\"" + (options_.simCertificate.empty() ? "http" : "https") +
                "://127.0.0.1:" + std::to_string(simPort_) + "\"}");
  if (r.status != 200) throw std::runtime_error("wxpay channel: " + r.body);
  Poco::JSON::Object alipay;
  alipay.set("appId", kAlipayAppId);
  alipay.set("privateKey", merchantKeys().pkcs8Pem);
  alipay.set("alipayPublicKey", alipayKeys().publicPem);
  alipay.set("gatewayUrl", std::string(options_.simCertificate.empty() ? "http" : "https") + "://127.0.0.1:" +
                               std::to_string(simPort_) + "/gateway.do");
  std::ostringstream body;
  alipay.stringify(body);
  r = admin("PUT", "/factories/" + name + "/channels/alipay", body.str());
  if (r.status != 200) throw std::runtime_error("alipay channel: " + r.body);
}

void PaynextEnv::useWxpayV3(const std::string& factory) {
  namespace v3keys = core::payments::wxpay_v3::testing;
  Poco::JSON::Object json;
  json.set("apiVersion", "v3");
  json.set("appId", kAppId);
  json.set("mchId", kV3MchId);
  json.set("mchSerialNo", kV3MchSerial);
  json.set("mchPrivateKey", v3keys::privatePemPkcs8(v3keys::merchantKey()));
  json.set("apiV3Key", kApiV3Key);
  Poco::JSON::Array::Ptr platform = new Poco::JSON::Array;
  Poco::JSON::Object::Ptr key = new Poco::JSON::Object;
  key->set("publicKey", v3keys::certificatePem(v3keys::platformKey(), kV3PlatformSerial));
  platform->add(key);
  json.set("platformKeys", platform);
  json.set("gatewayUrl", std::string(options_.simCertificate.empty() ? "http" : "https") + "://127.0.0.1:" +
                             std::to_string(simPort_));
  std::ostringstream body;
  json.stringify(body);
  const auto r = admin("PUT", "/factories/" + factory + "/channels/wxpay", body.str());
  if (r.status != 200) throw std::runtime_error("wxpay v3 channel: " + r.body);
}

std::string wxpayV2WithCertificate(const std::string& certificateFile, const std::string& privateKeyFile,
                                   const std::string& gatewayUrl) {
  Poco::JSON::Object json;
  json.set("appId", kAppId);
  json.set("mchId", kMchId);
  json.set("apiKey", kApiKey);
  json.set("gatewayUrl", gatewayUrl);
  json.set("apiClientCert", readFile(certificateFile));
  json.set("apiClientKey", readFile(privateKeyFile));
  std::ostringstream out;
  json.stringify(out);
  return out.str();
}

void PaynextEnv::useWxpayV2Certificate(const std::string& factory, const std::string& certificateFile,
                                       const std::string& privateKeyFile) {
  const std::string gatewayUrl = std::string(options_.simCertificate.empty() ? "http" : "https") + "://127.0.0.1:" +
                                 std::to_string(simPort_);
  const auto r = admin("PUT", "/factories/" + factory + "/channels/wxpay",
                       wxpayV2WithCertificate(certificateFile, privateKeyFile, gatewayUrl));
  if (r.status != 200) throw std::runtime_error("wxpay v2 channel with certificate: " + r.body);
}

Poco::JSON::Object::Ptr PaynextEnv::call(const std::string& factory, const std::string& path,
                                         const std::map<std::string, std::string>& fields) const {
  return api().postForm("/" + factory + path, fields).json();
}

std::string PaynextEnv::userToken(const std::string& factory, const std::string& mobile) {
  auto r = call(factory, "/user/m/register", {{"mobile", mobile}, {"pwd", "secret123"}});
  if (r->getValue<int>("code") != 0) throw std::runtime_error("register: " + r->getValue<std::string>("msg"));
  r = call(factory, "/user/m/login", {{"mobile", mobile}, {"pwd", "secret123"}});
  if (r->getValue<int>("code") != 0) throw std::runtime_error("login: " + r->getValue<std::string>("msg"));
  return r->getObject("data")->getValue<std::string>("token");
}

void PaynextEnv::simPay(const std::string& outTradeId, const std::string& extraJson) {
  auto r = sim().send("POST", "/sim/pay", "{\"out_trade_no\":\"" + outTradeId + "\"" + extraJson + "}",
                      "application/json");
  if (r.status != 200) throw std::runtime_error("sim pay: " + r.body);
}

void PaynextEnv::simPayAtOnce(const std::vector<std::string>& outTradeIds) {
  std::vector<std::thread> payers;
  std::vector<std::string> errors(outTradeIds.size());
  for (std::size_t i = 0; i < outTradeIds.size(); ++i) {
    payers.emplace_back([&, i] {
      try {
        simPay(outTradeIds[i]);
      } catch (const std::exception& e) {
        errors[i] = e.what();
      }
    });
  }
  for (auto& p : payers) p.join();
  for (const auto& e : errors) {
    if (!e.empty()) throw std::runtime_error(e);
  }
}

}  // namespace paynext::testing
