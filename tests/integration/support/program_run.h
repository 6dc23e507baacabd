#pragma once
#include <map>
#include <string>
#include <vector>

namespace paynext::testing {

// What a short-lived program printed and how it ended.
struct ProgramRun {
  int exitCode = -1;  // 128 + signal when killed; -1 when it outran the deadline
  std::string out;
  std::string err;
};

// Runs program to completion with stdout and stderr captured apart and
// stdin reading input (never the test's terminal). The environment is the
// test's, minus the names in env mapped to "" and with the others set, so a
// developer's own settings cannot leak in.
ProgramRun runProgram(const std::string& program, const std::vector<std::string>& args,
                      const std::map<std::string, std::string>& env = {}, const std::string& input = "",
                      int timeoutMs = 60000);

}  // namespace paynext::testing
