#include "core/storage/sqlite/kept_statements_session.h"

#include <cstdint>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <Poco/Data/LOB.h>
#include <Poco/Data/RecordSet.h>
#include <Poco/Data/SQLite/SQLiteException.h>
#include <Poco/Data/Session.h>
#include <Poco/Nullable.h>
#include <Poco/TemporaryFile.h>

namespace paynext::core::storage::sqlite {
namespace {

using namespace Poco::Data::Keywords;

class SqliteKeptStatementsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    registerKeptStatementsConnector();
    session_ = std::make_unique<Poco::Data::Session>(kKeptStatementsConnector, file_.path());
    *session_ << "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, ratio REAL, data BLOB)", now;
  }
  sqlite3* db() { return Poco::AnyCast<sqlite3*>(session_->getProperty("handle")); }
  const KeptStatementsSession& kept() { return dynamic_cast<KeptStatementsSession&>(*session_->impl()); }
  // Compiled statements of the connection with this text, and how many are mid-run.
  int compiled(const std::string& sql, int* busy = nullptr) {
    int count = 0;
    for (sqlite3_stmt* s = sqlite3_next_stmt(db(), nullptr); s; s = sqlite3_next_stmt(db(), s)) {
      if (sql == sqlite3_sql(s)) ++count;
      if (busy && sqlite3_stmt_busy(s)) ++*busy;
    }
    return count;
  }
  std::int64_t rows() {
    std::int64_t n = -1;
    *session_ << "SELECT COUNT(*) FROM t", into(n), now;
    return n;
  }

  Poco::TemporaryFile file_;
  std::unique_ptr<Poco::Data::Session> session_;
};

TEST_F(SqliteKeptStatementsTest, AStatementRunManyTimesIsCompiledOnce) {
  const std::string insert = "INSERT INTO t (id, name) VALUES ($1, $2)";
  for (std::int64_t id = 1; id <= 10; ++id) {
    std::string name = "row " + std::to_string(id);
    *session_ << insert, use(id), use(name), now;
  }
  EXPECT_EQ(rows(), 10);
  EXPECT_EQ(compiled(insert), 1);
}

TEST_F(SqliteKeptStatementsTest, ValuesGoAndComeBackAndNullLeavesANullableEmpty) {
  std::int64_t id = 9007199254740993;
  std::string name = "张三 O'Brien";
  double ratio = 0.125;
  const unsigned char bytes[] = {0x00, 0x01, 0xff};
  Poco::Data::BLOB data(bytes, sizeof bytes);
  *session_ << "INSERT INTO t VALUES ($1, $2, $3, $4)", use(id), use(name), use(ratio), use(data), now;
  std::int64_t idOut = 0;
  std::string nameOut;
  double ratioOut = 0;
  Poco::Data::BLOB dataOut;
  *session_ << "SELECT id, name, ratio, data FROM t", into(idOut), into(nameOut), into(ratioOut), into(dataOut), now;
  EXPECT_EQ(idOut, id);
  EXPECT_EQ(nameOut, name);
  EXPECT_EQ(ratioOut, 0.125);
  EXPECT_EQ(dataOut, data);
  Poco::Nullable<std::string> none("was here");
  std::int64_t two = 2;
  *session_ << "INSERT INTO t (id) VALUES ($1)", use(two), now;
  *session_ << "SELECT name FROM t WHERE id = $1", use(two), into(none), now;
  EXPECT_TRUE(none.isNull());
}

TEST_F(SqliteKeptStatementsTest, ARecordSetSeesTheDeclaredTypes) {
  *session_ << "INSERT INTO t (id, name) VALUES (7, 'seven')", now;
  Poco::Data::Statement select(*session_);
  select << "SELECT id, name FROM t";
  select.execute();
  Poco::Data::RecordSet set(select);
  ASSERT_EQ(set.rowCount(), 1u);
  EXPECT_TRUE(set.value(0, 0).isInteger());
  EXPECT_EQ(set.value(1, 0).convert<std::string>(), "seven");
  EXPECT_EQ(set.columnName(1), "name");
}

TEST_F(SqliteKeptStatementsTest, AnUpdateSaysHowManyRowsItChangedAndReturningGivesThem) {
  *session_ << "INSERT INTO t (id, name) VALUES (1, 'a'), (2, 'b'), (3, 'c')", now;
  Poco::Data::Statement update(*session_);
  update << "UPDATE t SET name = 'x' WHERE id <= 2";
  EXPECT_EQ(update.execute(), 2u);
  std::int64_t id = 0;
  Poco::Data::Statement take(*session_);
  take << "UPDATE t SET name = 'y' WHERE id = (SELECT MIN(id) FROM t WHERE name = 'c') RETURNING id", into(id);
  EXPECT_EQ(take.execute(), 1u);
  EXPECT_EQ(id, 3);
  Poco::Data::Statement none(*session_);
  none << "UPDATE t SET name = 'z' WHERE id = (SELECT MIN(id) FROM t WHERE name = 'c') RETURNING id", into(id);
  EXPECT_EQ(none.execute(), 0u);
}

TEST_F(SqliteKeptStatementsTest, TwoLiveStatementsOfOneTextEachGetTheirOwn) {
  *session_ << "INSERT INTO t (id, name) VALUES (1, 'a'), (2, 'b')", now;
  const std::string select = "SELECT name FROM t WHERE id = $1";
  std::int64_t one = 1, two = 2;
  std::string a, b;
  Poco::Data::Statement first(*session_), second(*session_);
  first << select, use(one), into(a);
  second << select, use(two), into(b);
  first.execute();
  second.execute();
  EXPECT_EQ(a, "a");
  EXPECT_EQ(b, "b");
  EXPECT_EQ(compiled(select), 2);
  first.execute();  // run again, same values
  EXPECT_EQ(a, "a");
}

TEST_F(SqliteKeptStatementsTest, AStatementLeftMidRowsHoldsNoReadOnceGone) {
  *session_ << "INSERT INTO t (id) VALUES (1), (2), (3)", now;
  {
    std::int64_t first = 0;
    Poco::Data::Statement select(*session_);
    select << "SELECT id FROM t ORDER BY id", into(first), limit(1);
    select.execute();
    EXPECT_EQ(first, 1);
  }
  int busy = 0;
  EXPECT_EQ(compiled("SELECT id FROM t ORDER BY id", &busy), 1);
  EXPECT_EQ(busy, 0);
}

TEST_F(SqliteKeptStatementsTest, AContainerOfValuesInsertsOneRowEach) {
  std::vector<std::int64_t> ids{1, 2, 3};
  std::vector<std::string> names{"a", "b", "c"};
  Poco::Data::Statement insert(*session_);
  insert << "INSERT INTO t (id, name) VALUES ($1, $2)", use(ids), use(names);
  EXPECT_EQ(insert.execute(), 3u);
  EXPECT_EQ(rows(), 3);
}

TEST_F(SqliteKeptStatementsTest, AScriptOfSeveralStatementsRunsThemAll) {
  *session_ << "CREATE TABLE u (id INTEGER); INSERT INTO u VALUES (1); INSERT INTO u VALUES (2);", now;
  std::int64_t n = 0;
  *session_ << "SELECT COUNT(*) FROM u", into(n), now;
  EXPECT_EQ(n, 2);
}

TEST_F(SqliteKeptStatementsTest, AScriptWithBoundValuesIsRefusedAndChangesNothing) {
  std::int64_t id = 1;
  try {
    *session_ << "INSERT INTO t (id) VALUES ($1); INSERT INTO t (id) VALUES (2)", use(id), now;
    FAIL() << "a script with a bound value ran";
  } catch (const Poco::Data::SQLite::InvalidSQLStatementException& e) {
    EXPECT_NE(e.displayText().find("several statements in one SQL text may bind no values and read no rows"),
              std::string::npos)
        << e.displayText();
  }
  EXPECT_EQ(rows(), 0);
}

// The exception's text, or "" when sql ran.
template <typename Run>
std::string refusal(Run run) {
  try {
    run();
  } catch (const Poco::Exception& e) {
    return e.displayText();
  }
  return "";
}

TEST_F(SqliteKeptStatementsTest, TooFewOrTooManyValuesAreRefusedAndChangeNothing) {
  std::int64_t id = 1, extra = 2;
  EXPECT_EQ(refusal([&] { *session_ << "INSERT INTO t (id, name) VALUES ($1, $2)", use(id), now; }),
            "Parameter count mismatch: 1 values for 2 placeholders: INSERT INTO t (id, name) VALUES ($1, $2)");
  EXPECT_EQ(refusal([&] { *session_ << "INSERT INTO t (id) VALUES ($1)", use(id), use(extra), now; }),
            "Parameter count mismatch: 2 values for 1 placeholders: INSERT INTO t (id) VALUES ($1)");
  EXPECT_EQ(rows(), 0);
}

TEST_F(SqliteKeptStatementsTest, SqlThatDoesNotCompileIsRefusedAndNotKept) {
  const std::size_t before = kept().statements().size();
  EXPECT_NE(refusal([&] { *session_ << "SELEC 1", now; }).find("near \"SELEC\": syntax error"), std::string::npos);
  EXPECT_EQ(kept().statements().size(), before);
  EXPECT_EQ(compiled("SELEC 1"), 0);
}

TEST_F(SqliteKeptStatementsTest, StatementsBeyondTheBoundAreFinalized) {
  StatementCache cache(db(), 1);
  sqlite3_stmt* one = cache.acquire("SELECT 1");
  sqlite3_stmt* two = cache.acquire("SELECT 2");
  cache.release("SELECT 1", one);
  cache.release("SELECT 2", two);
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_EQ(compiled("SELECT 2"), 0);
  EXPECT_EQ(cache.acquire("SELECT 1"), one);
  cache.release("SELECT 1", one);
  cache.close();
  EXPECT_EQ(compiled("SELECT 1"), 0);
  EXPECT_EQ(refusal([&] { cache.acquire("SELECT 1"); }), "Invalid SQL statement: the connection is closed: SELECT 1");
}

}  // namespace
}  // namespace paynext::core::storage::sqlite
