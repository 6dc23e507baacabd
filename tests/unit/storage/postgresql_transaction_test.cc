#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <Poco/Data/PostgreSQL/PostgreSQLException.h>

#include "core/storage/database.h"

namespace paynext::core::storage {
namespace {

using namespace Poco::Data::Keywords;

// Against the server named by PAYNEXT_TEST_POSTGRESQL (tools/test starts one).
// ctest runs these tests side by side: each process has a table of its own.
class PostgresqlTransactionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* server = std::getenv("PAYNEXT_TEST_POSTGRESQL");
    if (!server || !*server) GTEST_SKIP() << "PAYNEXT_TEST_POSTGRESQL is not set";
    db_ = std::make_unique<Database>(DatabaseOptions{std::string("postgresql:") + server, 8});
    db_->transaction([&](Poco::Data::Session& s) {
      s << "DROP TABLE IF EXISTS " + table_, now;
      s << "CREATE TABLE " + table_ + " (id INTEGER PRIMARY KEY, taken INTEGER NOT NULL)", now;
      s << "INSERT INTO " + table_ + " VALUES (1, 0)", now;
    });
  }
  void TearDown() override {
    if (db_) db_->transaction([&](Poco::Data::Session& s) { s << "DROP TABLE " + table_, now; });
  }
  const std::string table_ = "storage_test_seats_" + std::to_string(::getpid());
  std::unique_ptr<Database> db_;
};

// Read, decide, write, with no row lock: under READ COMMITTED two of these
// would both see the last seat free. SERIALIZABLE plus a retry makes them
// behave as on SQLite, one after the other.
TEST_F(PostgresqlTransactionTest, ReadDecideWriteTransactionsActAsIfOneAfterAnother) {
  constexpr int kThreads = 4, kEach = 25, kSeats = 60;
  std::atomic<int> granted{0}, attempts{0};
  std::vector<std::string> errors(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      try {
        for (int i = 0; i < kEach; ++i) {
          const bool got = db_->transaction([&](Poco::Data::Session& s) {
            ++attempts;
            int taken = 0;
            s << "SELECT taken FROM " + table_ + " WHERE id = 1", into(taken), now;
            if (taken >= kSeats) return false;
            int next = taken + 1;
            s << "UPDATE " + table_ + " SET taken = $1 WHERE id = 1", use(next), now;
            return true;
          });
          if (got) ++granted;
        }
      } catch (const Poco::Exception& e) {
        errors[t] = e.displayText();
      }
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& e : errors) EXPECT_EQ("", e);
  auto s = db_->session();
  int taken = 0;
  s << "SELECT taken FROM " + table_ + " WHERE id = 1", into(taken), now;
  EXPECT_EQ(kSeats, taken);
  EXPECT_EQ(kSeats, granted.load());
  EXPECT_GE(attempts.load(), kThreads * kEach);
}

// Write skew: each transaction reads both rows and writes the one the other
// read. The second to finish loses its race, on PostgreSQL typically at
// COMMIT ("during commit attempt"), and must be run again, not answered 500.
TEST_F(PostgresqlTransactionTest, ATransactionThatLosesItsRaceAtCommitIsRunAgain) {
  db_->transaction([&](Poco::Data::Session& s) { s << "INSERT INTO " + table_ + " VALUES (2, 0)", now; });
  const auto sumBoth = [&](Poco::Data::Session& s) {
    int sum = 0;
    s << "SELECT SUM(taken) FROM " + table_, into(sum), now;
    return sum;
  };
  int runs = 0;
  db_->transaction([&](Poco::Data::Session& s) {
    ++runs;
    int mine = sumBoth(s) + 1;
    s << "UPDATE " + table_ + " SET taken = $1 WHERE id = 1", use(mine), now;
    if (runs == 1) {
      // Meanwhile another transaction reads both rows, writes row 2 and commits first.
      db_->transaction([&](Poco::Data::Session& other) {
        int theirs = sumBoth(other) + 1;
        other << "UPDATE " + table_ + " SET taken = $1 WHERE id = 2", use(theirs), now;
      });
    }
  });
  EXPECT_EQ(2, runs);
  auto s = db_->session();
  int one = -1, two = -1;
  s << "SELECT taken FROM " + table_ + " WHERE id = 1", into(one), now;
  s << "SELECT taken FROM " + table_ + " WHERE id = 2", into(two), now;
  EXPECT_EQ(1, two);
  EXPECT_EQ(2, one);  // the run again saw the other's write
}

// A sequential scan would lock the whole table for SERIALIZABLE's conflict
// checks; every connection from the pool prefers an index.
TEST_F(PostgresqlTransactionTest, ConnectionsPreferIndexScans) {
  std::string setting;
  Poco::Data::Session s = db_->session();
  s << "SHOW enable_seqscan", into(setting), now;
  EXPECT_EQ("off", setting);
  std::vector<std::string> plan;  // a row per line
  s << "EXPLAIN SELECT taken FROM " + table_ + " WHERE id = 1", into(plan), now;
  ASSERT_FALSE(plan.empty());
  EXPECT_NE(std::string::npos, plan[0].find("Index")) << plan[0];
}

TEST_F(PostgresqlTransactionTest, OnlySerializationFailuresAndDeadlocksAreRetried) {
  int runs = 0;
  EXPECT_THROW(db_->transaction([&](Poco::Data::Session& s) {
    ++runs;
    s << "INSERT INTO " + table_ + " VALUES (1, 0)", now;  // a duplicate key: 23505
  }),
               Poco::Data::PostgreSQL::StatementException);
  EXPECT_EQ(1, runs);
  EXPECT_TRUE(isRetryableConflict(Poco::Data::PostgreSQL::StatementException(
      "postgresql_stmt_execute error: ERROR:  could not serialize access Severity: ERROR State: 40001")));
  EXPECT_TRUE(isRetryableConflict(Poco::Data::PostgreSQL::StatementException("deadlock detected State: 40P01")));
  EXPECT_FALSE(isRetryableConflict(Poco::Data::PostgreSQL::StatementException("State: 23505")));
  EXPECT_FALSE(isRetryableConflict(std::runtime_error("State: 40001")));
}

TEST_F(PostgresqlTransactionTest, AConflictThatNeverClearsGivesUpAfterTheLastAttempt) {
  int runs = 0;
  EXPECT_THROW(db_->transaction([&](Poco::Data::Session&) {
    ++runs;
    throw Poco::Data::PostgreSQL::StatementException("could not serialize access State: 40001");
  }),
               Poco::Data::PostgreSQL::StatementException);
  EXPECT_EQ(Database::kMaxAttempts, runs);
}

// A single statement is its own transaction: committed when it returns (seen
// by another connection), and nothing of it stays when it fails.
TEST_F(PostgresqlTransactionTest, ASingleStatementWriteIsItsOwnTransaction) {
  const int returned = db_->singleStatement([&](Poco::Data::Session& s) {
    s << "UPDATE " + table_ + " SET taken = 5 WHERE id = 1", now;
    return 5;
  });
  EXPECT_EQ(5, returned);
  int taken = 0;
  db_->session() << "SELECT taken FROM " + table_ + " WHERE id = 1", into(taken), now;
  EXPECT_EQ(5, taken);
  EXPECT_THROW(db_->singleStatement([&](Poco::Data::Session& s) {
    s << "INSERT INTO " + table_ + " VALUES (2, 1), (1, 9)", now;  // the second row's key is taken
  }),
               Poco::Data::PostgreSQL::StatementException);
  std::int64_t rows = 0;
  db_->session() << "SELECT COUNT(*) FROM " + table_, into(rows), now;
  EXPECT_EQ(1, rows);
}

// storage.poolMinSize connections are open before the first request needs
// one, and a floor outside 1..poolSize stops start-up with what to fix.
TEST_F(PostgresqlTransactionTest, ThePoolOpensItsFloorOfConnectionsAtStart) {
  const std::string url = std::string("postgresql:") + std::getenv("PAYNEXT_TEST_POSTGRESQL");
  Database warm(DatabaseOptions{url, 8, 3});
  EXPECT_EQ(3, warm.connections());
  {
    std::vector<Poco::Data::Session> busy;
    for (int i = 0; i < 5; ++i) busy.push_back(warm.session());
    EXPECT_EQ(5, warm.connections());
  }
  EXPECT_EQ(1, Database(DatabaseOptions{url, 8}).connections());  // the default floor
  for (const int floor : {0, 9}) {
    try {
      Database bad(DatabaseOptions{url, 8, floor});
      FAIL() << floor;
    } catch (const std::invalid_argument& e) {
      EXPECT_EQ("storage.poolMinSize must be from 1 to storage.poolSize (8), got " + std::to_string(floor),
                std::string(e.what()));
    }
  }
}

}  // namespace
}  // namespace paynext::core::storage
