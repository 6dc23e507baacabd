#pragma once
// gatewaysim and paynextd as child processes of the bench, with a factory
// "bench" (deposit module, WeChat Pay v2 pointed at the gatewaysim) and
// logged-in users, ready to be measured.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <Poco/Process.h>

#include "tools/bench/bench_storage.h"

namespace paynext::tools::bench {

// The WeChat Pay v2 merchant the gatewaysim knows and the factory uses.
inline const std::string kAppId = "wxd930ea5d5a258f4f";
inline const std::string kMchId = "10000100";
inline const std::string kKey = "192006250b4c09247ec02edce69f6a2d";

struct PaynextPaths {
  std::string paynextd, gatewaysim, plugins;
};

class PaynextProcess {
 public:
  // Starts both in dir (created), the gatewaysim with `gatewayThreads`
  // threads and paynextd on `storage` with `config` added to its properties,
  // and sets the factory up; throws when either does not start.
  PaynextProcess(const PaynextPaths& paths, const std::string& dir, int gatewayThreads, BenchStorage storage,
                 const std::map<std::string, std::string>& config, int users);
  ~PaynextProcess();  // terminates paynextd, then the gatewaysim
  PaynextProcess(const PaynextProcess&) = delete;
  PaynextProcess& operator=(const PaynextProcess&) = delete;

  int port() const { return port_; }
  int gatewayPort() const { return gatewayPort_; }
  // The bench users' tokens: as many users as the most clients of a row, so
  // concurrent requests come from different users, as in production.
  const std::vector<std::string>& tokens() const { return tokens_; }
  const BenchStorage& storage() const { return storage_; }

 private:
  std::string dir_;
  BenchStorage storage_;
  std::unique_ptr<Poco::ProcessHandle> sim_, server_;
  int port_ = 0, gatewayPort_ = 0;
  std::vector<std::string> tokens_;
};

// A form body (application/x-www-form-urlencoded).
std::string form(const std::map<std::string, std::string>& fields);

}  // namespace paynext::tools::bench
