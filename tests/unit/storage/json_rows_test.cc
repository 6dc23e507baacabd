#include "core/storage/json_rows.h"

#include <sstream>

#include <gtest/gtest.h>

#include <Poco/JSON/Stringifier.h>

#include "tests/support/core_database.h"

namespace paynext::core::storage {
namespace {

using namespace Poco::Data::Keywords;

std::string rowsText(Database& db, const std::string& sql) {
  auto s = db.session();
  Poco::Data::Statement statement(s);
  statement << sql;
  std::ostringstream out;
  Poco::JSON::Stringifier::condense(jsonRows(statement), out);
  return out.str();
}

class JsonRowsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    cdb_.db().transaction([](Poco::Data::Session& s) {
      s << "CREATE TABLE t (n BIGINT, t TEXT, z BIGINT, b BLOB)", now;
      s << "INSERT INTO t VALUES (1, 'a', NULL, X'6869'), (2, 'b \"q\"', NULL, NULL)", now;
    });
  }
  paynext::testing::CoreDatabase cdb_;
};

TEST_F(JsonRowsTest, ColumnsKeepTheirOrderAndTypes) {
  EXPECT_EQ(R"([{"n":1,"t":"a","z":null},{"n":2,"t":"b \"q\"","z":null}])",
            rowsText(cdb_.db(), "SELECT n, t, z FROM t ORDER BY n"));
  EXPECT_EQ(R"([{"z":null,"n":2}])", rowsText(cdb_.db(), "SELECT z, n FROM t WHERE n = 2"));
  EXPECT_EQ("[]", rowsText(cdb_.db(), "SELECT n FROM t WHERE n = 3"));
}

// Large objects (PostgreSQL's TEXT arrives as one; SQLite's BLOB here) are
// written as JSON strings, not as bare text.
TEST_F(JsonRowsTest, LargeObjectsBecomeStrings) {
  EXPECT_EQ(R"([{"n":1,"b":"hi"}])", rowsText(cdb_.db(), "SELECT n, b FROM t WHERE n = 1"));
}

}  // namespace
}  // namespace paynext::core::storage
