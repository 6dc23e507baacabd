#pragma once
#include <optional>
#include <string>

namespace paynext::cli {

// Where `paynext login` keeps the admin token: configured (--token-file,
// PAYNEXT_TOKEN_FILE), else $HOME/.config/paynext/token; empty when neither
// is known (no HOME).
std::string tokenFilePath(const std::string& configured);

// The token saved in file, if the file exists and holds one.
std::optional<std::string> loadToken(const std::string& file);

// Writes token to file, readable by its owner only (mode 0600), creating the
// folders; replaces the old file atomically. Throws std::runtime_error.
void saveToken(const std::string& file, const std::string& token);

// Deletes the file; false when there was none.
bool removeToken(const std::string& file);

}  // namespace paynext::cli
