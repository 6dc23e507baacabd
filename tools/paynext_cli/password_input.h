#pragma once
#include <string>

namespace paynext::cli {

// A password for login or a new account, never from the command line: the
// first line of stdin with --password-stdin, else PAYNEXT_PASSWORD, else
// asked on the terminal without echo. Throws UsageError when there is no
// terminal to ask on or the password is empty.
std::string readPassword(bool fromStdin, const std::string& prompt);

}  // namespace paynext::cli
