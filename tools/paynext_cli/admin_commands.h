#pragma once
#include <ostream>
#include <string>

#include "tools/paynext_cli/cli_options.h"

namespace paynext::cli {

// Runs one admin API command (every command but `plugin inspect`): prints a
// table, or the API's JSON as is with --json. Throws UsageError, ApiError,
// ConnectionError.
void runAdminCommand(const CliOptions& options, std::ostream& out);

// One line per command with its operands, for the usage text.
std::string adminCommandSummary();

}  // namespace paynext::cli
