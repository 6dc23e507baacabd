#pragma once
#include <string>

namespace paynext::sdk {

// One schema version of a module, in both SQL dialects. Versions start at 1
// and are applied in order, each once, in its own transaction.
struct Migration {
  int version = 0;
  std::string sqlite;
  std::string postgresql;
};

}  // namespace paynext::sdk
