#include "core/storage/database.h"

#include <gtest/gtest.h>

#include "core/storage/migrator.h"
#include "tests/support/temp_dir.h"

namespace paynext::core::storage {
namespace {

using namespace Poco::Data::Keywords;

class DatabaseTest : public ::testing::Test {
 protected:
  DatabaseTest() : db_(DatabaseOptions{"sqlite:" + dir_.file("t.db")}) {}
  std::int64_t count(const std::string& table) {
    auto s = db_.session();
    std::int64_t n = 0;
    s << "SELECT COUNT(*) FROM " + table, into(n), now;
    return n;
  }
  paynext::testing::TempDir dir_;
  Database db_;
};

TEST_F(DatabaseTest, RejectsUnknownUrlScheme) {
  try {
    Database bad(DatabaseOptions{"mysql:foo"});
    FAIL() << "expected an exception";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ("storage.url must start with sqlite: or postgresql:, got 'mysql:foo'", e.what());
  }
}

TEST_F(DatabaseTest, UsesWalJournal) {
  auto s = db_.session();
  std::string mode;
  s << "PRAGMA journal_mode", into(mode), now;
  EXPECT_EQ("wal", mode);
}

TEST_F(DatabaseTest, MigrationsApplyOnceInOrder) {
  Migrator m(db_);
  std::vector<sdk::Migration> ms = {{2, "INSERT INTO t (v) VALUES (2)", ""}, {1, "CREATE TABLE t (v INTEGER)", ""}};
  EXPECT_EQ(2, m.apply("x", ms));
  EXPECT_EQ(0, m.apply("x", ms));
  EXPECT_EQ(2, m.currentVersion("x"));
  EXPECT_EQ(0, m.currentVersion("other"));
  EXPECT_EQ(1, count("t"));
}

TEST_F(DatabaseTest, FailedMigrationLeavesNoVersionBehind) {
  Migrator m(db_);
  std::vector<sdk::Migration> ms = {{1, "CREATE TABLE t (v INTEGER)", ""}, {2, "INSERT INTO missing VALUES (1)", ""}};
  EXPECT_ANY_THROW(m.apply("x", ms));
  EXPECT_EQ(1, m.currentVersion("x"));
}

TEST_F(DatabaseTest, TransactionRollsBackWhenTheFunctionThrows) {
  db_.transaction([](Poco::Data::Session& s) { s << "CREATE TABLE t (v INTEGER)", now; });
  EXPECT_THROW(db_.transaction([](Poco::Data::Session& s) {
    s << "INSERT INTO t (v) VALUES (1)", now;
    throw std::runtime_error("boom");
  }),
               std::runtime_error);
  EXPECT_EQ(0, count("t"));
  const int v = db_.transaction([](Poco::Data::Session& s) {
    s << "INSERT INTO t (v) VALUES (7)", now;
    return 7;
  });
  EXPECT_EQ(7, v);
  EXPECT_EQ(1, count("t"));
}

}  // namespace
}  // namespace paynext::core::storage
