#pragma once
#include <cstdint>
#include <string>

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>

namespace paynext::testing {

// Reads a running paynextd's SQLite file, to assert what was (not) stored.
class DbProbe {
 public:
  explicit DbProbe(const std::string& path) : path_(path) { Poco::Data::SQLite::Connector::registerConnector(); }

  std::int64_t count(const std::string& sql) const {
    Poco::Data::Session s("SQLite", path_);
    std::int64_t n = 0;
    s << sql, Poco::Data::Keywords::into(n), Poco::Data::Keywords::now;
    return n;
  }
  std::string text(const std::string& sql) const {
    Poco::Data::Session s("SQLite", path_);
    std::string v;
    s << sql, Poco::Data::Keywords::into(v), Poco::Data::Keywords::now;
    return v;
  }

 private:
  std::string path_;
};

}  // namespace paynext::testing
