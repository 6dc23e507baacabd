// paynextd: the paynext server. Usage: paynextd [--config=FILE]
#include <csignal>
#include <fstream>
#include <iostream>
#include <string>

#include <Poco/AutoPtr.h>
#include <Poco/ConsoleChannel.h>
#include <Poco/FormattingChannel.h>
#include <Poco/Logger.h>
#include <Poco/PatternFormatter.h>
#include <Poco/Util/MapConfiguration.h>
#include <Poco/Util/PropertyFileConfiguration.h>

#include "core/app/server.h"

namespace {

void setUpLogging() {
  Poco::AutoPtr<Poco::PatternFormatter> format(new Poco::PatternFormatter("%Y-%m-%d %H:%M:%S.%i %p %s: %t"));
  Poco::AutoPtr<Poco::FormattingChannel> channel(new Poco::FormattingChannel(format, new Poco::ConsoleChannel));
  Poco::Logger::root().setChannel(channel);
  Poco::Logger::root().setLevel("information");
}

}  // namespace

int main(int argc, char** argv) {
  // Block termination signals before any thread starts, so that every thread
  // inherits the mask and sigwait below is the one place that sees them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::signal(SIGPIPE, SIG_IGN);

  setUpLogging();
  Poco::AutoPtr<Poco::Util::AbstractConfiguration> config(new Poco::Util::MapConfiguration);
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.rfind("--config=", 0) == 0) {
      config = new Poco::Util::PropertyFileConfiguration(arg.substr(9));
    } else {
      std::cerr << "usage: paynextd [--config=FILE]\n";
      return 2;
    }
  }
  try {
    paynext::core::app::Server server(*config);
    server.start();
    if (config->has("http.portFile")) {
      const std::string file = config->getString("http.portFile");
      { std::ofstream(file + ".tmp") << server.port() << "\n"; }
      std::rename((file + ".tmp").c_str(), file.c_str());
    }
    int received = 0;
    sigwait(&signals, &received);
    Poco::Logger::get("paynext").information("signal %d: shutting down", received);
    server.stop();
  } catch (const Poco::Exception& e) {
    Poco::Logger::get("paynext").fatal("start-up failed: %s", e.displayText());
    return 1;
  } catch (const std::exception& e) {
    Poco::Logger::get("paynext").fatal("start-up failed: %s", std::string(e.what()));
    return 1;
  }
  return 0;
}
