#include "tools/paynext_cli/password_input.h"

#include <termios.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "tools/paynext_cli/cli_errors.h"

namespace paynext::cli {

namespace {

std::string firstLine(std::istream& in) {
  std::string line;
  std::getline(in, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

// Reads one line from the terminal with echo off, restored afterwards.
std::string promptWithoutEcho(const std::string& prompt) {
  termios saved{};
  if (!::isatty(STDIN_FILENO) || ::tcgetattr(STDIN_FILENO, &saved) != 0) {
    throw UsageError("no password: give it with --password-stdin or PAYNEXT_PASSWORD, or run on a terminal");
  }
  termios quiet = saved;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  std::cerr << prompt << std::flush;
  ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  const std::string password = firstLine(std::cin);
  ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
  std::cerr << '\n';
  return password;
}

}  // namespace

std::string readPassword(bool fromStdin, const std::string& prompt) {
  std::string password;
  if (fromStdin) {
    password = firstLine(std::cin);
  } else if (const char* env = std::getenv("PAYNEXT_PASSWORD"); env && *env) {
    password = env;
  } else {
    password = promptWithoutEcho(prompt);
  }
  if (password.empty()) throw UsageError("the password is empty");
  return password;
}

}  // namespace paynext::cli
