#pragma once
#include <string>

namespace paynext::testing {

// The integration suite runs twice (tests/integration/CMakeLists.txt): on
// SQLite files, and with PAYNEXT_TEST_STORAGE=postgresql on databases of the
// server named by PAYNEXT_TEST_POSTGRESQL (tools/test starts a throwaway one).
bool onPostgresql();

// One test's own database: a SQLite file in the test's folder, or a fresh
// PostgreSQL database dropped again at the end.
class TestDatabase {
 public:
  explicit TestDatabase(const std::string& folder);
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  // What paynextd's storage.url names.
  const std::string& url() const { return url_; }

 private:
  std::string url_;
  std::string postgresqlName_;  // empty on SQLite
};

}  // namespace paynext::testing
