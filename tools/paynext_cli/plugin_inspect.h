#pragma once
#include <ostream>
#include <string>

namespace paynext::cli {

// `paynext plugin inspect FILE.so`: loads the file with the server's own
// loader, so it refuses exactly what paynextd would, and prints the manifest
// and ABI stamp (as JSON with json). Returns the exit code: 0, or 1 with the
// loader's refusal written to err.
int inspectPlugin(const std::string& file, bool json, std::ostream& out, std::ostream& err);

}  // namespace paynext::cli
