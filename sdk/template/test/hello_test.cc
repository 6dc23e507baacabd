// The module's unit test: its handler and routes run against an in-memory
// SQLite database, wallets and clock, the way paynextd runs them.
#include <gtest/gtest.h>

#include "paynext/sdk/testing/harness.h"

#include "hello_module.h"

namespace {

using paynext::sdk::Audience;
using paynext::sdk::StepResult;
using paynext::sdk::testing::Harness;
using paynext::sdk::testing::refusal;
using Refusal = std::pair<int, std::string>;

class HelloTest : public ::testing::Test {
 protected:
  Harness h{std::make_shared<hello::HelloModule>()};

  int greetings() {
    int n = 0;
    h.session() << "SELECT COUNT(*) FROM hello_greetings", Poco::Data::Keywords::into(n), Poco::Data::Keywords::now;
    return n;
  }
};

TEST_F(HelloTest, ValidateAnswersTheFactorysFeeAndRefusesBadParamsNamingTheField) {
  EXPECT_EQ(h.validate(hello::kGreetType, R"({"greeting":"你好"})"), 0);
  h.config().values["hello.fee"] = "1.50";
  EXPECT_EQ(h.validate(hello::kGreetType, R"({"greeting":"你好","fee":"0.01"})"), 150) << "the client sets no price";
  EXPECT_EQ(refusal([&] { h.validate(hello::kGreetType, "{}"); }), Refusal(300, "缺少参数 greeting"));
  h.config().values["hello.fee"] = "0.001";
  EXPECT_EQ(refusal([&] { h.validate(hello::kGreetType, R"({"greeting":"你好"})"); }),
            Refusal(300, "系统参数 hello.fee 应为不超过两位小数的金额(元)"));
}

TEST_F(HelloTest, ExecuteRecordsTheGreetingAndDebitsTheFeeOncePerStep) {
  h.ledger().balance_ = 500;
  h.config().values["hello.fee"] = "1.50";
  const auto step = h.newPayment();
  const std::string params = R"({"greeting":"你好"})";
  ASSERT_EQ(h.execute(hello::kGreetType, params, step).status, StepResult::Status::Done);
  // The same step again (same idempotency key): done, nothing more.
  ASSERT_EQ(h.execute(hello::kGreetType, params, step).status, StepResult::Status::Done);
  EXPECT_EQ(h.ledger().balance(), 350);
  ASSERT_EQ(h.ledger().entries.size(), 1u);
  EXPECT_EQ(h.ledger().entries[0].reference, "hello:" + step.key);
  EXPECT_EQ(greetings(), 1);
}

TEST_F(HelloTest, ExecuteRetriesWhilePausedAndFailsWhenTheWalletIsShort) {
  h.config().values["hello.paused"] = "1";
  EXPECT_EQ(h.execute(hello::kGreetType, R"({"greeting":"你好"})").status, StepResult::Status::Retry);
  h.config().values.erase("hello.paused");
  h.config().values["hello.fee"] = "1.50";
  const auto failed = h.execute(hello::kGreetType, R"({"greeting":"你好"})");
  EXPECT_EQ(failed.status, StepResult::Status::Fail);
  EXPECT_EQ(failed.reason, "余额不足,问候需要 1.50 元");
  EXPECT_EQ(greetings(), 0);  // a step that is not Done commits nothing
}

TEST_F(HelloTest, UsersGreetAndAdminsListTheFactorysGreetings) {
  const auto greeted = h.callAs(Audience::User, "POST", "/hello/greet", R"({"greeting":"早上好"})");
  ASSERT_EQ(greeted.code, 0) << greeted.msg;
  EXPECT_EQ(h.callAs(Audience::User, "POST", "/hello/greet", "{}").code, 300);
  h.setUser(0);
  EXPECT_EQ(h.callAs(Audience::User, "POST", "/hello/greet", R"({"greeting":"早"})").code, 2000);

  const auto listed = h.callAs(Audience::Admin, "GET", "/greetings", "{}");
  ASSERT_EQ(listed.code, 0) << listed.msg;
  const auto list = listed.data.extract<Poco::JSON::Array::Ptr>();
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(list->getObject(0)->getValue<std::string>("greeting"), "早上好");
  h.setFactory(2);  // another factory sees none of them
  EXPECT_EQ(h.callAs(Audience::Admin, "GET", "/greetings", "{}").data.extract<Poco::JSON::Array::Ptr>()->size(), 0u);
}

TEST_F(HelloTest, PostgresqlMigrationsRun) {
  if (!h.checkPostgresqlMigrations()) GTEST_SKIP() << "set PAYNEXT_TEST_POSTGRESQL to a libpq connection string";
}

}  // namespace
