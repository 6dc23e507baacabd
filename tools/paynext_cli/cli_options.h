#pragma once
#include <map>
#include <string>
#include <vector>

#include <Poco/Util/OptionSet.h>

namespace paynext::cli {

struct CliOptions {
  std::string url = "http://127.0.0.1:8080";
  std::string token;
  std::string tokenFile;  // where login keeps the token; empty: the default
  std::string caFile;     // trusted besides the system store for https:// URLs
  bool json = false;
  bool help = false;
  // Options that only some commands take (--status, --limit, --user, --role,
  // --factory, --password-stdin, --mobile, --balance, --points, --reason), by
  // name; a flag's value is empty.
  std::map<std::string, std::string> commandOptions;
  std::vector<std::string> args;  // the command words and their operands

  bool has(const std::string& name) const { return commandOptions.count(name) != 0; }
  std::string option(const std::string& name) const {
    auto it = commandOptions.find(name);
    return it == commandOptions.end() ? std::string() : it->second;
  }
};

// The options paynext understands, for parsing and for the usage text.
Poco::Util::OptionSet cliOptionSet();

// Parses the arguments after the program name; --url, --token, --token-file
// and --ca-file default to PAYNEXT_URL, PAYNEXT_TOKEN, PAYNEXT_TOKEN_FILE and
// PAYNEXT_CA_FILE. Options may come anywhere, "--" ends them. Throws
// UsageError.
CliOptions parseCommandLine(const std::vector<std::string>& argv);

}  // namespace paynext::cli
