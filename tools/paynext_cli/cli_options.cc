#include "tools/paynext_cli/cli_options.h"

#include <cstdlib>

#include <Poco/Util/OptionException.h>
#include <Poco/Util/OptionProcessor.h>

#include "tools/paynext_cli/cli_errors.h"

namespace paynext::cli {

using Poco::Util::Option;

Poco::Util::OptionSet cliOptionSet() {
  Poco::Util::OptionSet set;
  set.addOption(Option("url", "", "admin API address, http:// or https:// (default http://127.0.0.1:8080, env PAYNEXT_URL)")
                    .argument("URL"));
  set.addOption(Option("ca-file", "", "https: trust this CA (PEM) besides the system store (env PAYNEXT_CA_FILE)")
                    .argument("FILE"));
  set.addOption(Option("token", "", "admin bearer token (env PAYNEXT_TOKEN); needed by API commands")
                    .argument("TOKEN"));
  set.addOption(Option("json", "", "print the API's JSON as is instead of a table"));
  set.addOption(Option("status", "", "payment list: only payments in this status").argument("STATUS"));
  set.addOption(Option("help", "h", "print this help"));
  return set;
}

CliOptions parseCommandLine(const std::vector<std::string>& argv) {
  CliOptions options;
  if (const char* url = std::getenv("PAYNEXT_URL"); url && *url) options.url = url;
  if (const char* token = std::getenv("PAYNEXT_TOKEN")) options.token = token;
  if (const char* caFile = std::getenv("PAYNEXT_CA_FILE")) options.caFile = caFile;
  const Poco::Util::OptionSet set = cliOptionSet();
  Poco::Util::OptionProcessor processor(set);
  processor.setUnixStyle(true);
  try {
    for (const auto& arg : argv) {
      std::string name, value;
      if (!processor.process(arg, name, value)) {
        options.args.push_back(arg);
      } else if (name == "url") {
        options.url = value;
      } else if (name == "token") {
        options.token = value;
      } else if (name == "ca-file") {
        options.caFile = value;
      } else if (name == "json") {
        options.json = true;
      } else if (name == "status") {
        options.status = value;
      } else if (name == "help") {
        options.help = true;
      }
      // An empty name: "--" or an option whose value is the next argument.
    }
    processor.checkRequired();
  } catch (const Poco::Util::OptionException& e) {
    throw UsageError(e.displayText());
  }
  return options;
}

}  // namespace paynext::cli
