#pragma once
#include <memory>
#include <string>

#include <Poco/Util/AbstractConfiguration.h>

namespace paynext::core::app {

// The whole server wired from a configuration: storage, plugins, services,
// step worker and HTTP listener. start() returns once it is listening.
class Server {
 public:
  explicit Server(const Poco::Util::AbstractConfiguration& config);
  ~Server();

  void start();
  void stop();  // stops accepting, finishes in-flight requests and steps
  int port() const;
  int httpsPort() const;  // 0 without https.port

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace paynext::core::app
