// paynextd: the paynext server. Usage: paynextd [--config=FILE]
#include <iostream>
#include <string>

#include <Poco/AutoPtr.h>
#include <Poco/Logger.h>
#include <Poco/Util/MapConfiguration.h>
#include <Poco/Util/PropertyFileConfiguration.h>

#include "core/app/server.h"
#include "core/common/process_lifecycle.h"

int main(int argc, char** argv) {
  const sigset_t signals = paynext::core::blockTerminationSignals();
  paynext::core::logToConsole();
  std::string configFile;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.rfind("--config=", 0) != 0) {
      std::cerr << "usage: paynextd [--config=FILE]\n";
      return 2;
    }
    configFile = arg.substr(9);
  }
  try {
    Poco::AutoPtr<Poco::Util::AbstractConfiguration> config(new Poco::Util::MapConfiguration);
    if (!configFile.empty()) config = new Poco::Util::PropertyFileConfiguration(configFile);
    paynext::core::app::Server server(*config);
    server.start();
    if (config->has("https.portFile")) {
      paynext::core::writePortFile(config->getString("https.portFile"), server.httpsPort());
    }
    if (config->has("http.portFile")) paynext::core::writePortFile(config->getString("http.portFile"), server.port());
    Poco::Logger::get("paynext").information("signal %d: shutting down", paynext::core::waitForTermination(signals));
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
