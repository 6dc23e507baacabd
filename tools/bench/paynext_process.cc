#include "tools/bench/paynext_process.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

namespace paynext::tools::bench {
namespace {

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

std::string jsonField(const std::string& body, const std::string& name) {
  auto obj = Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>();
  return obj->getObject("data")->getValue<std::string>(name);
}

}  // namespace

std::string form(const std::map<std::string, std::string>& fields) {
  Poco::Net::HTMLForm f;
  for (const auto& [k, v] : fields) f.set(k, v);
  std::ostringstream out;
  f.write(out);
  return out.str();
}

PaynextProcess::PaynextProcess(const PaynextPaths& paths, const std::string& dir, int gatewayThreads,
                               BenchStorage storage, const std::map<std::string, std::string>& config,
                               int users)
    : dir_(dir), storage_(std::move(storage)) {
  std::filesystem::create_directories(dir + "/plugins");
  std::filesystem::create_symlink(std::filesystem::absolute(paths.plugins + "/paynext_deposit.so"),
                                  dir + "/plugins/paynext_deposit.so");
  Poco::Process::Args simArgs{"--port=0", "--port-file=" + dir + "/sim.port",
                              "--threads=" + std::to_string(gatewayThreads),
                              "--merchant=" + kMchId + ":" + kAppId + ":" + kKey};
  sim_ = std::make_unique<Poco::ProcessHandle>(Poco::Process::launch(paths.gatewaysim, simArgs));
  try {
    gatewayPort_ = waitPort(dir + "/sim.port");
    {
      std::ofstream cfg(dir + "/paynext.properties");
      cfg << "http.port = 0\nhttp.portFile = " << dir << "/paynextd.port\nstorage.url = " << storage_.url()
          << "\nplugins.dir = " << dir << "/plugins\nadmin.token = bench\nworker.pollIntervalMs = 50\n"
          << "outbound.allow = 127.0.0.1\n"  // the gateway simulator
          // The bench users: registered from one address, logged in once each.
          << "identity.register.perAddress = 1000\nidentity.passwordIterations = 1000\n";
      for (const auto& [key, value] : config) cfg << key << " = " << value << "\n";
    }
    Poco::Process::Args args{"--config=" + dir + "/paynext.properties"};
    server_ = std::make_unique<Poco::ProcessHandle>(Poco::Process::launch(paths.paynextd, args, nullptr, nullptr,
                                                                          nullptr));
    port_ = waitPort(dir + "/paynextd.port");
    const std::string json = "application/json", formType = "application/x-www-form-urlencoded";
    send(port_, "POST", "/admin/api/factories", "{\"name\":\"bench\",\"title\":\"bench\"}", json, "bench");
    send(port_, "PUT", "/admin/api/factories/bench/modules/deposit", "{\"enabled\":true}", json, "bench");
    send(port_, "PUT", "/admin/api/factories/bench/channels/wxpay",
         "{\"appId\":\"" + kAppId + "\",\"mchId\":\"" + kMchId + "\",\"apiKey\":\"" + kKey +
             "\",\"gatewayUrl\":\"http://127.0.0.1:" + std::to_string(gatewayPort_) + "\"}",
         json, "bench");
    for (int i = 0; i < users; ++i) {
      const std::string mobile = std::to_string(13800000000LL + i);
      send(port_, "POST", "/bench/user/m/register", form({{"mobile", mobile}, {"pwd", "bench123"}}), formType);
      tokens_.push_back(jsonField(
          send(port_, "POST", "/bench/user/m/login", form({{"mobile", mobile}, {"pwd", "bench123"}}), formType),
          "token"));
    }
  } catch (...) {
    if (server_) Poco::Process::kill(*server_);
    Poco::Process::kill(*sim_);
    throw;
  }
}

PaynextProcess::~PaynextProcess() {
  try {
    Poco::Process::requestTermination(server_->id());
    server_->wait();
    Poco::Process::kill(*sim_);
    sim_->wait();
  } catch (...) {
  }
}

}  // namespace paynext::tools::bench
