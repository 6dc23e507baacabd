#pragma once
#include <stdexcept>
#include <string>

namespace paynext::cli {

// Exit codes scripts can rely on.
enum ExitCode { kExitOk = 0, kExitApiError = 1, kExitUsage = 2, kExitConnection = 3 };

// A command line the CLI cannot act on: printed with the usage, exit 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The admin API refused the call: its own message and HTTP status (0 when
// the CLI itself decided, e.g. a config key that is not set), exit 1.
class ApiError : public std::runtime_error {
 public:
  ApiError(const std::string& message, int status) : std::runtime_error(message), status_(status) {}
  int status() const { return status_; }

 private:
  int status_;
};

// The server could not be reached or did not answer, exit 3.
class ConnectionError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace paynext::cli
