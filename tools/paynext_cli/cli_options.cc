#include "tools/paynext_cli/cli_options.h"

#include <cstdlib>

#include <Poco/Util/OptionException.h>
#include <Poco/Util/OptionProcessor.h>

#include "tools/paynext_cli/cli_errors.h"

namespace paynext::cli {

using Poco::Util::Option;

namespace {

// The global options that default to an environment variable.
struct EnvOption {
  const char* name;
  const char* env;
  std::string CliOptions::*field;
};

const EnvOption kEnvOptions[] = {{"url", "PAYNEXT_URL", &CliOptions::url},
                                 {"token", "PAYNEXT_TOKEN", &CliOptions::token},
                                 {"token-file", "PAYNEXT_TOKEN_FILE", &CliOptions::tokenFile},
                                 {"ca-file", "PAYNEXT_CA_FILE", &CliOptions::caFile}};

}  // namespace

Poco::Util::OptionSet cliOptionSet() {
  Poco::Util::OptionSet set;
  set.addOption(Option("url", "", "admin API address, http:// or https:// (default http://127.0.0.1:8080, env PAYNEXT_URL)")
                    .argument("URL"));
  set.addOption(Option("ca-file", "", "https: trust this CA (PEM) besides the system store (env PAYNEXT_CA_FILE)")
                    .argument("FILE"));
  set.addOption(Option("token", "", "admin bearer token (env PAYNEXT_TOKEN); default: the one login saved")
                    .argument("TOKEN"));
  set.addOption(Option("token-file", "", "where login saves the token (default ~/.config/paynext/token, env PAYNEXT_TOKEN_FILE)")
                    .argument("FILE"));
  set.addOption(Option("json", "", "print the API's JSON as is instead of a table"));
  set.addOption(Option("status", "", "payment list: only payments in this status").argument("STATUS"));
  set.addOption(Option("limit", "", "audit: at most N entries (default 100); user show: N ledger entries (default 20)")
                    .argument("N"));
  set.addOption(Option("mobile", "", "user list: only the user with this mobile number").argument("M"));
  set.addOption(Option("balance", "", "user adjust: yuan to add (+12.50) or take (-3); the sign is required")
                    .argument("+YUAN|-YUAN"));
  set.addOption(Option("points", "", "user adjust: points to add (+10) or take (-10); payment refund: points back")
                    .argument("+N|-N"));
  set.addOption(Option("reason", "", "user adjust, payment refund: why, kept in the ledger and the audit log")
                    .argument("TEXT"));
  set.addOption(Option("refund-no", "", "payment refund: your refund number; the same number again is the same refund")
                    .argument("NO"));
  set.addOption(Option("user", "", "login, admin create: the admin's user name").argument("NAME"));
  set.addOption(Option("role", "", "admin create: platform or factory").argument("ROLE"));
  set.addOption(Option("factory", "", "admin create --role=factory: the factory the admin manages").argument("NAME"));
  set.addOption(Option("password-stdin", "", "login, admin create: read the password from stdin's first line "
                                             "(else env PAYNEXT_PASSWORD, else asked without echo)"));
  set.addOption(Option("help", "h", "print this help"));
  return set;
}

CliOptions parseCommandLine(const std::vector<std::string>& argv) {
  CliOptions options;
  for (const auto& o : kEnvOptions) {
    if (const char* value = std::getenv(o.env); value && *value) options.*o.field = value;
  }
  const Poco::Util::OptionSet set = cliOptionSet();
  Poco::Util::OptionProcessor processor(set);
  processor.setUnixStyle(true);
  try {
    for (const auto& arg : argv) {
      std::string name, value;
      if (!processor.process(arg, name, value)) {
        options.args.push_back(arg);
        continue;
      }
      if (name.empty()) continue;  // "--" or an option whose value is the next argument
      const EnvOption* global = nullptr;
      for (const auto& o : kEnvOptions) global = name == o.name ? &o : global;
      if (global) {
        options.*global->field = value;
      } else if (name == "json") {
        options.json = true;
      } else if (name == "help") {
        options.help = true;
      } else {
        options.commandOptions[name] = value;
      }
    }
    processor.checkRequired();
  } catch (const Poco::Util::OptionException& e) {
    throw UsageError(e.displayText());
  }
  return options;
}

}  // namespace paynext::cli
