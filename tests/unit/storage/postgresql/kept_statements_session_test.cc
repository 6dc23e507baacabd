#include "core/storage/postgresql/kept_statements_session.h"

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <string>

#include <gtest/gtest.h>
#include <Poco/Data/LOB.h>
#include <Poco/Data/PostgreSQL/PostgreSQLException.h>
#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Nullable.h>

#include "core/storage/postgresql/kept_statement_impl.h"

namespace paynext::core::storage::postgresql {
namespace {

using namespace Poco::Data::Keywords;
using Poco::Data::PostgreSQL::StatementException;

// Against the server named by PAYNEXT_TEST_POSTGRESQL (tools/test starts one).
// ctest runs these tests side by side: each process has a table of its own.
class PostgresqlKeptStatementsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* server = std::getenv("PAYNEXT_TEST_POSTGRESQL");
    if (!server || !*server) GTEST_SKIP() << "PAYNEXT_TEST_POSTGRESQL is not set";
    registerKeptStatementsConnector();
    session_ = std::make_unique<Poco::Data::Session>(kKeptStatementsConnector, server);
    *session_ << "DROP TABLE IF EXISTS " + table_, now;
    *session_ << "CREATE TABLE " + table_ + " (id BIGINT PRIMARY KEY, name TEXT, flag BOOLEAN, ratio DOUBLE PRECISION, "
                 "data BYTEA)",
        now;
  }
  void TearDown() override {
    if (session_) *session_ << "DROP TABLE " + table_, now;
  }
  const KeptStatementsSession& kept() { return dynamic_cast<KeptStatementsSession&>(*session_->impl()); }
  // How many statements with this text the server holds for the session.
  int preparedOnServer(const std::string& sql) {
    int count = 0;
    std::string text = sql;
    *session_ << "SELECT count(*) FROM pg_prepared_statements WHERE statement = $1", use(text), into(count), now;
    return count;
  }

  // What the StatementException `run` throws says ("" when it throws none).
  template <typename Run>
  static std::string refusal(Run&& run) {
    try {
      run();
    } catch (const StatementException& e) {
      return e.displayText();
    }
    return "";
  }

  const std::string table_ = "kept_statements_" + std::to_string(::getpid());
  std::unique_ptr<Poco::Data::Session> session_;
};

TEST_F(PostgresqlKeptStatementsTest, AStatementRunManyTimesIsPreparedOnceForItsConnection) {
  const std::string insert = "INSERT INTO " + table_ + " (id, name) VALUES ($1, $2)";
  for (std::int64_t id = 1; id <= 10; ++id) {
    std::string name = "row " + std::to_string(id);
    *session_ << insert, use(id), use(name), now;
  }
  std::int64_t rows = 0;
  *session_ << "SELECT count(*) FROM " + table_, into(rows), now;
  EXPECT_EQ(rows, 10);
  EXPECT_EQ(preparedOnServer(insert), 1);
}

TEST_F(PostgresqlKeptStatementsTest, ValuesGoAndComeBackWithTheirTypes) {
  std::int64_t id = 9007199254740993;  // beyond a double's exact integers
  std::string name = "张三 O'Brien";
  bool flag = true;
  double ratio = 0.125;
  const unsigned char bytes[] = {0x00, 0x01, 0xff};
  Poco::Data::BLOB data(bytes, sizeof bytes);
  *session_ << "INSERT INTO " + table_ + " VALUES ($1, $2, $3, $4, $5)", use(id), use(name), use(flag), use(ratio),
      use(data), now;
  std::int64_t idOut = 0;
  std::string nameOut;
  bool flagOut = false;
  double ratioOut = 0;
  Poco::Data::BLOB dataOut;
  *session_ << "SELECT id, name, flag, ratio, data FROM " + table_, into(idOut), into(nameOut), into(flagOut),
      into(ratioOut), into(dataOut), now;
  EXPECT_EQ(idOut, id);
  EXPECT_EQ(nameOut, name);
  EXPECT_TRUE(flagOut);
  EXPECT_EQ(ratioOut, 0.125);
  EXPECT_EQ(dataOut, data);
}

TEST_F(PostgresqlKeptStatementsTest, NullLeavesANullableEmpty) {
  std::int64_t id = 1;
  *session_ << "INSERT INTO " + table_ + " (id) VALUES ($1)", use(id), now;
  Poco::Nullable<std::string> name("was here");
  *session_ << "SELECT name FROM " + table_, into(name), now;
  EXPECT_TRUE(name.isNull());
}

TEST_F(PostgresqlKeptStatementsTest, ARecordSetSeesIntegersAsNumbersAndTextAsText) {
  std::int64_t id = 7;
  std::string name = "seven";
  *session_ << "INSERT INTO " + table_ + " (id, name) VALUES ($1, $2)", use(id), use(name), now;
  Poco::Data::Statement select(*session_);
  select << "SELECT id, name FROM " + table_;
  select.execute();
  Poco::Data::RecordSet rows(select);
  ASSERT_EQ(rows.rowCount(), 1u);
  EXPECT_TRUE(rows.value(0, 0).isInteger());
  EXPECT_EQ(rows.value(0, 0).convert<std::int64_t>(), 7);
  EXPECT_EQ(rows.value(1, 0).convert<std::string>(), "seven");
  EXPECT_EQ(rows.columnName(1), "name");
}

TEST_F(PostgresqlKeptStatementsTest, AnErrorCarriesItsSqlStateAndTheConnectionGoesOn) {
  const std::string insert = "INSERT INTO " + table_ + " (id) VALUES ($1)";
  std::int64_t id = 1;
  *session_ << insert, use(id), now;
  const std::string duplicate = refusal([&] { *session_ << insert, use(id), now; });
  EXPECT_NE(duplicate.find("State: 23505"), std::string::npos) << "a duplicate key: " << duplicate;
  id = 2;
  *session_ << insert, use(id), now;
  std::int64_t rows = 0;
  *session_ << "SELECT count(*) FROM " + table_, into(rows), now;
  EXPECT_EQ(rows, 2);
}

TEST_F(PostgresqlKeptStatementsTest, AStatementThatDoesNotParseIsRefusedAndNotKept) {
  const std::size_t before = kept().statements().size();
  const std::string syntax = refusal([&] { *session_ << "SELEC 1", now; });
  EXPECT_NE(syntax.find("State: 42601"), std::string::npos) << "a syntax error: " << syntax;
  EXPECT_EQ(kept().statements().size(), before);
}

TEST_F(PostgresqlKeptStatementsTest, TooFewValuesAreRefusedAndChangeNothing) {
  const std::string insert = "INSERT INTO " + table_ + " (id, name) VALUES ($1, $2)";
  std::int64_t id = 1;
  EXPECT_EQ(refusal([&] { *session_ << insert, use(id), now; }),
            "PostgreSQL: [PostgreSQL]: incorrect bind parameters count for SQL Statement: " + insert);
  std::int64_t rows = -1;
  *session_ << "SELECT count(*) FROM " + table_, into(rows), now;
  EXPECT_EQ(rows, 0);
}

TEST_F(PostgresqlKeptStatementsTest, AStatementTheServerForgotIsPreparedAgainUnnoticed) {
  const std::string select = "SELECT count(*) FROM " + table_;
  std::int64_t rows = -1;
  *session_ << select, into(rows), now;
  *session_ << "DEALLOCATE ALL", now;  // as a pooler or an admin may
  rows = -1;
  *session_ << select, into(rows), now;
  EXPECT_EQ(rows, 0);
  EXPECT_EQ(preparedOnServer(select), 1);
}

// Its result would no longer match what the statement was compiled for, so
// the first run after the change fails (its error says so) and the next one,
// compiled anew, sees the new column.
TEST_F(PostgresqlKeptStatementsTest, AStatementWhoseResultAColumnChangedFailsOnceThenSeesIt) {
  const std::string select = "SELECT * FROM " + table_;
  auto columns = [&] {
    Poco::Data::Statement statement(*session_);
    statement << select;
    statement.execute();
    return Poco::Data::RecordSet(statement).columnCount();
  };
  EXPECT_EQ(columns(), 5u);
  *session_ << "ALTER TABLE " + table_ + " ADD COLUMN extra TEXT", now;
  const std::string changed = refusal(columns);
  EXPECT_NE(changed.find("State: 0A000"), std::string::npos) << "a result of a new shape: " << changed;
  EXPECT_EQ(columns(), 6u);
}

TEST_F(PostgresqlKeptStatementsTest, AStatementPreparedInARolledBackTransactionStaysUsable) {
  const std::string insert = "INSERT INTO " + table_ + " (id) VALUES ($1)";
  std::int64_t id = 1;
  *session_ << "BEGIN", now;
  *session_ << insert, use(id), now;
  *session_ << "ROLLBACK", now;
  *session_ << insert, use(id), now;
  std::int64_t rows = 0;
  *session_ << "SELECT count(*) FROM " + table_, into(rows), now;
  EXPECT_EQ(rows, 1);
}

TEST_F(PostgresqlKeptStatementsTest, AReconnectedSessionPreparesAgain) {
  *session_ << "SELECT 1", now;
  EXPECT_GT(kept().statements().size(), 0u);
  session_->close();
  session_->open();
  EXPECT_EQ(kept().statements().size(), 0u);
  int one = 0;
  *session_ << "SELECT 1", into(one), now;
  EXPECT_EQ(one, 1);
}

TEST_F(PostgresqlKeptStatementsTest, StatementsBeyondTheBoundRunWithoutBeingKept) {
  auto& session = dynamic_cast<KeptStatementsSession&>(*session_->impl());
  PreparedStatementCache cache(session.handle(), 2);
  EXPECT_EQ(cache.prepare("SELECT 1")->name.empty(), false);
  EXPECT_EQ(cache.prepare("SELECT 2")->name.empty(), false);
  EXPECT_EQ(cache.prepare("SELECT 1")->name, cache.prepare("SELECT 1")->name);
  EXPECT_TRUE(cache.prepare("SELECT $1::int + 1")->name.empty());
  EXPECT_EQ(cache.size(), 2u);
  StatementExecutor executor(session.handle(), cache);
  executor.compile("SELECT $1::int + 1");
  Poco::Data::PostgreSQL::InputParameterVector parameters(1);
  parameters[0] = Poco::Data::PostgreSQL::InputParameter(Poco::Data::MetaColumn::FDT_STRING, nullptr, 0);
  parameters[0].setStringVersionRepresentation("41");
  executor.execute(parameters);
  ASSERT_TRUE(executor.fetch());
  EXPECT_EQ(std::string(executor.value(0).pData()), "42");
  EXPECT_FALSE(executor.fetch());
}

}  // namespace
}  // namespace paynext::core::storage::postgresql
