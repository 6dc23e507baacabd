// paynext: the admin command line for paynextd. See README.md, "CLI".
#include <iostream>
#include <sstream>

#include <Poco/Exception.h>
#include <Poco/Util/HelpFormatter.h>

#include "tools/paynext_cli/admin_commands.h"
#include "tools/paynext_cli/cli_errors.h"
#include "tools/paynext_cli/cli_options.h"
#include "tools/paynext_cli/plugin_inspect.h"

namespace {

std::string usage() {
  std::ostringstream out;
  const auto options = paynext::cli::cliOptionSet();
  Poco::Util::HelpFormatter help(options);
  help.setUnixStyle(true);
  help.setWidth(100);
  help.setCommand("paynext");
  help.setUsage("[--url=URL] [--ca-file=FILE] [--token=TOKEN] [--json] COMMAND...");
  help.setHeader("options:");
  help.format(out);
  out << "\ncommands:\n"
      << paynext::cli::adminCommandSummary() << "  plugin inspect FILE.so\n\n"
      << "exit codes: 0 ok, 1 API error or refused plugin, 2 usage error,\n"
      << "            3 server unreachable or its TLS certificate not trusted\n";
  return out.str();
}

}  // namespace

int main(int argc, char** argv) {
  using namespace paynext::cli;
  try {
    const CliOptions options = parseCommandLine(std::vector<std::string>(argv + 1, argv + argc));
    if (options.help) {
      std::cout << usage();
      return kExitOk;
    }
    const auto& args = options.args;
    if (!args.empty() && args[0] == "plugin") {
      if (args.size() != 3 || args[1] != "inspect") throw UsageError("usage: paynext plugin inspect FILE.so");
      return inspectPlugin(args[2], options.json, std::cout, std::cerr);
    }
    runAdminCommand(options, std::cout);
    return kExitOk;
  } catch (const UsageError& e) {
    std::cerr << "paynext: " << e.what() << "\n\n" << usage();
    return kExitUsage;
  } catch (const ApiError& e) {
    std::cerr << "paynext: " << e.what();
    if (e.status() != 0) std::cerr << " (HTTP " << e.status() << ")";
    std::cerr << '\n';
    return kExitApiError;
  } catch (const ConnectionError& e) {
    std::cerr << "paynext: " << e.what() << '\n';
    return kExitConnection;
  } catch (const Poco::Exception& e) {  // e.g. an answer that is not JSON
    std::cerr << "paynext: " << e.displayText() << '\n';
    return kExitApiError;
  } catch (const std::exception& e) {
    std::cerr << "paynext: " << e.what() << '\n';
    return kExitApiError;
  }
}
