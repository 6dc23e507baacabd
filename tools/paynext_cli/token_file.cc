#include "tools/paynext_cli/token_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <stdexcept>

#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/String.h>

namespace paynext::cli {

std::string tokenFilePath(const std::string& configured) {
  if (!configured.empty()) return configured;
  const char* home = std::getenv("HOME");
  if (!home || !*home) return "";
  return Poco::Path(home).append(".config/paynext/token").toString();
}

std::optional<std::string> loadToken(const std::string& file) {
  std::ifstream in(file);
  std::string token;
  if (!in || !std::getline(in, token)) return std::nullopt;
  Poco::trimInPlace(token);
  if (token.empty()) return std::nullopt;
  return token;
}

void saveToken(const std::string& file, const std::string& token) {
  const Poco::Path path(file);
  Poco::File(path.parent()).createDirectories();
  // A fresh file made 0600 before a byte is written, then renamed over the old one.
  const std::string temp = file + ".tmp";
  ::unlink(temp.c_str());
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) throw std::runtime_error("cannot write " + temp + ": " + std::strerror(errno));
  const std::string text = token + "\n";
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ok = ::close(fd) == 0 && ok;
  ok = ok && ::rename(temp.c_str(), file.c_str()) == 0;
  if (!ok) {
    const std::string why = std::strerror(errno);
    ::unlink(temp.c_str());
    throw std::runtime_error("cannot write " + file + ": " + why);
  }
}

bool removeToken(const std::string& file) {
  Poco::File f(file);
  if (!f.exists()) return false;
  f.remove();
  return true;
}

}  // namespace paynext::cli
