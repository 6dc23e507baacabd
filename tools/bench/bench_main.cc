// paynext_bench: measures paynextd next to baselines measured in the same run
// on the same machine, and writes the figures into BENCHMARKS.md.
//   paynext_bench --paynextd=P --gatewaysim=G --plugins=DIR [--out=BENCHMARKS.md]
//                 [--requests=N] [--clients=C] [--chains=N]
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <thread>

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/Environment.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>

#include "core/payments/wxpay/wxpay_sign.h"
#include "core/payments/wxpay/wxpay_xml.h"
#include "tools/bench/load_client.h"

namespace paynext::tools::bench {
namespace {

using namespace Poco::Data::Keywords;
namespace wx = core::payments::wxpay;

const char* kAppId = "wxd930ea5d5a258f4f";
const char* kMchId = "10000100";
const char* kKey = "192006250b4c09247ec02edce69f6a2d";

struct Options {
  std::string paynextd, gatewaysim, plugins, out = "BENCHMARKS.md";
  std::size_t requests = 5000, chains = 1000;
  int clients = 8;
  std::string commandLine;
};

class Hello : public Poco::Net::HTTPRequestHandler {
 public:
  void handleRequest(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) override {
    std::string ignored;
    Poco::StreamCopier::copyToString(req.stream(), ignored);
    res.setContentType("application/json");
    res.send() << "{\"code\":0,\"data\":\"hello\",\"msg\":\"success\"}";
  }
};
class HelloFactory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
    return new Hello;
  }
};

bool envelopeOk(int status, const std::string& body) {
  return status == 200 && body.compare(0, 9, "{\"code\":0") == 0;
}

LatencyStats helloBaseline(const Options& o) {
  auto* params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(32);
  Poco::Net::HTTPServer server(new HelloFactory, Poco::Net::ServerSocket(Poco::Net::SocketAddress("127.0.0.1", 0)),
                               params);
  server.start();
  auto stats = runLoad(server.port(), "/hello", o.requests, o.clients, [](std::size_t) { return "a=b"; }, envelopeOk);
  server.stopAll(true);
  return stats;
}

double sqliteCommitsPerSecond(const std::string& dir, int commits) {
  Poco::Data::SQLite::Connector::registerConnector();
  Poco::Data::Session s("SQLite", dir + "/baseline.db");
  s << "PRAGMA journal_mode=WAL", now;
  s << "PRAGMA synchronous=FULL", now;
  s << "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)", now;
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < commits; ++i) {
    std::string v = "value " + std::to_string(i);
    s << "BEGIN IMMEDIATE", now;
    s << "INSERT INTO t (v) VALUES ($1)", use(v), now;
    s << "COMMIT", now;
  }
  return commits / std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int waitPort(const std::string& file) {
  for (int i = 0; i < 300; ++i) {
    std::ifstream in(file);
    int port = 0;
    if (in >> port && port > 0) return port;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  throw std::runtime_error("no port in " + file);
}

std::string send(int port, const std::string& method, const std::string& path, const std::string& body,
                 const std::string& type, const std::string& auth = "") {
  Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
  Poco::Net::HTTPRequest req(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
  req.setContentType(type);
  req.setContentLength64(static_cast<Poco::Int64>(body.size()));
  if (!auth.empty()) req.set("Authorization", "Bearer " + auth);
  session.sendRequest(req) << body;
  Poco::Net::HTTPResponse res;
  std::string answer;
  Poco::StreamCopier::copyToString(session.receiveResponse(res), answer);
  if (res.getStatus() >= 300) throw std::runtime_error(method + " " + path + ": " + answer);
  return answer;
}

std::string form(const std::map<std::string, std::string>& fields) {
  Poco::Net::HTMLForm f;
  for (const auto& [k, v] : fields) f.set(k, v);
  std::ostringstream out;
  f.write(out);
  return out.str();
}

std::string jsonField(const std::string& body, const std::string& name) {
  auto obj = Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>();
  return obj->getObject("data")->getValue<std::string>(name);
}

struct PaynextFigures {
  LatencyStats pay;
  double chainSeconds = 0;
};

PaynextFigures measurePaynext(const Options& o, const std::string& dir) {
  std::filesystem::create_directories(dir + "/plugins");
  std::filesystem::create_symlink(std::filesystem::absolute(o.plugins + "/paynext_deposit.so"),
                                  dir + "/plugins/paynext_deposit.so");
  Poco::Process::Args simArgs{"--port=0", "--port-file=" + dir + "/sim.port",
                              std::string("--merchant=") + kMchId + ":" + kAppId + ":" + kKey};
  Poco::ProcessHandle sim = Poco::Process::launch(o.gatewaysim, simArgs);
  const int simPort = waitPort(dir + "/sim.port");
  {
    std::ofstream cfg(dir + "/paynext.properties");
    cfg << "http.port = 0\nhttp.portFile = " << dir << "/paynextd.port\nstorage.url = sqlite:" << dir
        << "/paynext.db\nplugins.dir = " << dir << "/plugins\nadmin.token = bench\nworker.pollIntervalMs = 50\n";
    cfg << "outbound.allow = 127.0.0.1\n";  // the gateway simulator
  }
  Poco::Process::Args args{"--config=" + dir + "/paynext.properties"};
  Poco::ProcessHandle server = Poco::Process::launch(o.paynextd, args, nullptr, nullptr, nullptr);
  PaynextFigures figures;
  try {
    const int port = waitPort(dir + "/paynextd.port");
    const std::string json = "application/json", formType = "application/x-www-form-urlencoded";
    send(port, "POST", "/admin/api/factories", "{\"name\":\"bench\",\"title\":\"bench\"}", json, "bench");
    send(port, "PUT", "/admin/api/factories/bench/modules/deposit", "{\"enabled\":true}", json, "bench");
    send(port, "PUT", "/admin/api/factories/bench/channels/wxpay",
         std::string("{\"appId\":\"") + kAppId + "\",\"mchId\":\"" + kMchId + "\",\"apiKey\":\"" + kKey +
             "\",\"gatewayUrl\":\"http://127.0.0.1:" + std::to_string(simPort) + "\"}",
         json, "bench");
    send(port, "POST", "/bench/user/m/register", form({{"mobile", "13800000000"}, {"pwd", "bench123"}}), formType);
    const std::string token =
        jsonField(send(port, "POST", "/bench/user/m/login", form({{"mobile", "13800000000"}, {"pwd", "bench123"}}),
                       formType),
                  "token");

    figures.pay = runLoad(port, "/bench/pay/wx/wxapp", o.requests, o.clients,
                          [&](std::size_t) { return form({{"token", token}, {"money", "0.01"}}); }, envelopeOk);

    // Chains: create the payments untimed, then time notifications -> all steps done.
    runLoad(port, "/bench/pay/wx/wxapp", o.chains, o.clients,
            [&](std::size_t) {
              return form({{"token", token},
                           {"money", "0.02"},
                           {"nextAction", "{type:5, amount:0.01, nextAction:{type:5, amount:0.01}}"}});
            },
            [](int status, const std::string&) { return status == 200; });
    Poco::Data::Session db("SQLite", dir + "/paynext.db");
    std::vector<std::string> ids;
    db << "SELECT out_trade_id FROM payments WHERE next_action <> '' ORDER BY id", into(ids), now;
    const auto start = std::chrono::steady_clock::now();
    runLoad(port, "/notify/wxpay/bench", ids.size(), o.clients,
            [&](std::size_t i) {
              wx::Fields f{{"appid", kAppId},          {"mch_id", kMchId},          {"nonce_str", "n"},
                           {"result_code", "SUCCESS"}, {"return_code", "SUCCESS"}, {"out_trade_no", ids[i]},
                           {"total_fee", "2"},          {"transaction_id", "t" + ids[i]}};
              f["sign"] = wx::sign(f, kKey, wx::SignType::Md5);
              return wx::toXml(f);
            },
            [](int status, const std::string& body) { return body.find("SUCCESS") != std::string::npos; });
    for (;;) {
      std::int64_t done = 0;
      db << "SELECT COUNT(*) FROM chain_steps WHERE status = 'DONE'", into(done), now;
      if (done >= static_cast<std::int64_t>(ids.size() * 2)) break;
      if (std::chrono::steady_clock::now() - start > std::chrono::minutes(10)) throw std::runtime_error("chains stuck");
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    figures.chainSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  } catch (...) {
    Poco::Process::kill(server);
    Poco::Process::kill(sim);
    throw;
  }
  Poco::Process::requestTermination(server.id());
  server.wait();
  Poco::Process::kill(sim);
  return figures;
}

std::string machine() {
  std::ifstream cpuinfo("/proc/cpuinfo");
  std::string line, model = "unknown CPU";
  while (std::getline(cpuinfo, line)) {
    if (line.rfind("model name", 0) == 0) {
      model = line.substr(line.find(':') + 2);
      break;
    }
  }
  return Poco::Environment::osName() + " " + Poco::Environment::osVersion() + ", " + model + ", " +
         std::to_string(Poco::Environment::processorCount()) + " cores";
}

std::string row(const std::string& name, const LatencyStats& s) {
  char buf[256];
  std::snprintf(buf, sizeof buf, "| %s | %zu | %zu | %.0f | %.2f | %.2f |\n", name.c_str(), s.requests, s.errors,
                s.perSecond(), s.p50Ms, s.p99Ms);
  return buf;
}

}  // namespace
}  // namespace paynext::tools::bench

int main(int argc, char** argv) {
  using namespace paynext::tools::bench;
  Options o;
  o.commandLine = "tools/bench/run";
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&](const char* p) { return a.substr(std::string(p).size()); };
    if (a.rfind("--paynextd=", 0) == 0) o.paynextd = value("--paynextd=");
    else if (a.rfind("--gatewaysim=", 0) == 0) o.gatewaysim = value("--gatewaysim=");
    else if (a.rfind("--plugins=", 0) == 0) o.plugins = value("--plugins=");
    else if (a.rfind("--out=", 0) == 0) o.out = value("--out=");
    else if (a.rfind("--requests=", 0) == 0) o.requests = std::stoul(value("--requests="));
    else if (a.rfind("--clients=", 0) == 0) o.clients = std::stoi(value("--clients="));
    else if (a.rfind("--chains=", 0) == 0) o.chains = std::stoul(value("--chains="));
    else {
      std::cerr << "unknown argument " << a << "\n";
      return 2;
    }
    // The paths are fixed by tools/bench/run; the load shape is what varies.
    if (a.rfind("--requests=", 0) == 0 || a.rfind("--clients=", 0) == 0 || a.rfind("--chains=", 0) == 0) {
      o.commandLine += " " + a;
    }
  }
  const std::string dir = Poco::TemporaryFile::tempName();
  std::filesystem::create_directories(dir);
  try {
    const auto hello = helloBaseline(o);
    const double commits = sqliteCommitsPerSecond(dir, 1000);
    const auto paynext = measurePaynext(o, dir + "/run");
    std::ostringstream md;
    md << "# Benchmarks\n\nWritten by `tools/bench/run` (" << o.requests << " requests from " << o.clients
       << " keep-alive clients per HTTP row; " << o.chains << " two-step chains).\n\n"
       << "- machine: " << machine() << "\n- command: `" << o.commandLine << "`\n\n"
       << "| what | requests | errors | req/s | p50 ms | p99 ms |\n|---|---|---|---|---|---|\n"
       << row("baseline: bare Poco hello-world endpoint", hello)
       << row("paynextd `/pay/wx/wxapp` (unifiedorder to gatewaysim)", paynext.pay) << "\n";
    char buf[512];
    std::snprintf(buf, sizeof buf,
                  "| what | figure |\n|---|---|\n| baseline: raw SQLite commit loop (WAL, synchronous=FULL) | %.0f "
                  "commits/s |\n| %zu notifications -> all %zu chain steps done | %.2f s (%.0f chains/s) |\n",
                  commits, o.chains, o.chains * 2, paynext.chainSeconds, o.chains / paynext.chainSeconds);
    md << buf;
    std::ofstream(o.out) << md.str();
    std::cout << md.str();
  } catch (const std::exception& e) {
    std::cerr << "bench failed: " << e.what() << "\n";
    std::filesystem::remove_all(dir);
    return 1;
  }
  std::filesystem::remove_all(dir);
  return 0;
}
