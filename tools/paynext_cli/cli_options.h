#pragma once
#include <string>
#include <vector>

#include <Poco/Util/OptionSet.h>

namespace paynext::cli {

struct CliOptions {
  std::string url = "http://127.0.0.1:8080";
  std::string token;
  std::string caFile;  // trusted besides the system store for https:// URLs
  bool json = false;
  bool help = false;
  std::string status;             // payment list --status
  std::vector<std::string> args;  // the command words and their operands
};

// The options paynext understands, for parsing and for the usage text.
Poco::Util::OptionSet cliOptionSet();

// Parses the arguments after the program name; --url, --token and --ca-file
// default to PAYNEXT_URL, PAYNEXT_TOKEN and PAYNEXT_CA_FILE. Options may come anywhere, "--" ends them.
// Throws UsageError.
CliOptions parseCommandLine(const std::vector<std::string>& argv);

}  // namespace paynext::cli
