#include "core/storage/database.h"

#include <atomic>
#include <chrono>
#include <memory>
#include <stdexcept>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "core/storage/migrator.h"
#include "tests/support/temp_dir.h"

namespace paynext::core::storage {
namespace {

using namespace Poco::Data::Keywords;

// Polls cond until it holds or 10 s have passed.
template <typename Cond>
bool eventually(Cond cond) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!cond()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return true;
}

class DatabaseTest : public ::testing::Test {
 protected:
  DatabaseTest() : db_(DatabaseOptions{"sqlite:" + dir_.file("t.db")}) {}
  std::int64_t count(const std::string& table) {
    auto s = db_.session();
    std::int64_t n = 0;
    s << "SELECT COUNT(*) FROM " + table, into(n), now;
    return n;
  }
  // A transaction that inserts `value`, then holds the write lock until
  // `queued` others wait for it, so they are sure to form one group with it.
  // Returns once it holds the lock.
  std::thread holdWriteLockUntilQueued(int value, int queued) {
    auto inside = std::make_shared<std::atomic<bool>>(false);
    std::thread holder([this, value, queued, inside] {
      db_.transaction([&](Poco::Data::Session& s) {
        s << "INSERT INTO t VALUES ($1)", bind(value), now;
        *inside = true;
        ASSERT_TRUE(eventually([&] { return db_.queuedWriters() == queued; }));
      });
    });
    EXPECT_TRUE(eventually([&] { return inside->load(); }));
    return holder;
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

TEST_F(DatabaseTest, TransactionsQueuedForTheWriteLockShareOneCommit) {
  db_.transaction([](Poco::Data::Session& s) { s << "CREATE TABLE t (v INTEGER)", now; });
  const auto before = db_.commits();
  std::thread first = holdWriteLockUntilQueued(0, 3);
  std::vector<std::thread> others;
  for (int i = 1; i <= 3; ++i) {
    others.emplace_back([&, i] {
      db_.transaction([&](Poco::Data::Session& s) { s << "INSERT INTO t VALUES ($1)", bind(i), now; });
    });
  }
  first.join();
  for (auto& t : others) t.join();
  EXPECT_EQ(before + 1, db_.commits());
  EXPECT_EQ(4, count("t"));  // each returned only once committed
}

TEST_F(DatabaseTest, AMemberThatThrowsIsUndoneAloneAndTheOthersCommit) {
  db_.transaction([](Poco::Data::Session& s) { s << "CREATE TABLE t (v INTEGER)", now; });
  std::thread first = holdWriteLockUntilQueued(1, 2);
  std::string thrown;
  std::thread failing([&] {
    try {
      db_.transaction([](Poco::Data::Session& s) {
        s << "INSERT INTO t VALUES (2)", now;
        throw std::runtime_error("refused");
      });
    } catch (const std::runtime_error& e) {
      thrown = e.what();
    }
  });
  std::thread third([&] { db_.transaction([](Poco::Data::Session& s) { s << "INSERT INTO t VALUES (3)", now; }); });
  first.join();
  failing.join();
  third.join();
  EXPECT_EQ("refused", thrown);
  auto s = db_.session();
  std::vector<int> values;
  s << "SELECT v FROM t ORDER BY v", into(values), now;
  EXPECT_EQ((std::vector<int>{1, 3}), values);
}

// On SQLite a single statement joins the group commit like any write.
TEST_F(DatabaseTest, ASingleStatementWriteSharesTheGroupCommit) {
  db_.transaction([](Poco::Data::Session& s) { s << "CREATE TABLE t (v INTEGER)", now; });
  const auto before = db_.commits();
  std::thread first = holdWriteLockUntilQueued(1, 1);
  std::thread single(
      [&] { db_.singleStatement([](Poco::Data::Session& s) { s << "INSERT INTO t VALUES (2)", now; }); });
  first.join();
  single.join();
  EXPECT_EQ(before + 1, db_.commits());
  EXPECT_EQ(2, count("t"));
}

}  // namespace
}  // namespace paynext::core::storage
