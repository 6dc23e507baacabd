#include "tests/integration/support/test_database.h"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <iostream>

#include <gtest/gtest.h>
#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/Session.h>

namespace paynext::testing {

namespace {

const char* postgresqlServer() {
  const char* server = std::getenv("PAYNEXT_TEST_POSTGRESQL");
  return server && *server ? server : nullptr;
}

void administer(const std::string& sql) {
  Poco::Data::PostgreSQL::Connector::registerConnector();
  Poco::Data::Session admin("PostgreSQL", postgresqlServer());
  admin << "SET client_min_messages TO WARNING", Poco::Data::Keywords::now;  // no "does not exist, skipping"
  admin << sql, Poco::Data::Keywords::now;
}

// Without a server the PostgreSQL run skips every test, saying why, rather
// than failing them all (ctest outside tools/test).
class PostgresqlRequirement : public ::testing::Environment {
 public:
  void SetUp() override {
    if (onPostgresql() && !postgresqlServer())
      GTEST_SKIP() << "PAYNEXT_TEST_STORAGE=postgresql but PAYNEXT_TEST_POSTGRESQL is not set: run tools/test";
  }
};

const auto* const kRequirement = ::testing::AddGlobalTestEnvironment(new PostgresqlRequirement);

}  // namespace

bool onPostgresql() {
  const char* storage = std::getenv("PAYNEXT_TEST_STORAGE");
  return storage && std::string(storage) == "postgresql";
}

TestDatabase::TestDatabase(const std::string& folder) {
  if (!onPostgresql()) {
    url_ = "sqlite:" + folder + "/paynext.db";
    return;
  }
  static std::atomic<int> counter{0};
  postgresqlName_ = "paynext_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
  administer("DROP DATABASE IF EXISTS " + postgresqlName_);
  administer("CREATE DATABASE " + postgresqlName_);
  // libpq takes the last of a repeated keyword: dbname names this test's database.
  url_ = std::string("postgresql:") + postgresqlServer() + " dbname=" + postgresqlName_;
}

TestDatabase::~TestDatabase() {
  if (postgresqlName_.empty()) return;
  try {
    administer("DROP DATABASE IF EXISTS " + postgresqlName_ + " WITH (FORCE)");
  } catch (const std::exception& e) {
    std::cerr << "could not drop " << postgresqlName_ << ": " << e.what() << std::endl;
  }
}

}  // namespace paynext::testing
