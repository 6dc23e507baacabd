// The plugin authors' harness behaves like the host: what passes here passes
// in paynextd, and what the host refuses is refused here.
#include "paynext/sdk/testing/harness.h"

#include <gtest/gtest.h>

#include "paynext/sdk/params.h"
#include "paynext/sdk/services/coupons.h"

namespace paynext::sdk::testing {
namespace {

using namespace Poco::Data::Keywords;
using Refusal = std::pair<int, std::string>;

// Type 1: records its key and trade id, debits `amount`; with `fail` set it
// writes and then fails. Type 2 has an effect that calls `url`. The job
// "sweep" records the clock. Routes: User /me, Admin /settings.
class Handler : public ActionHandler {
 public:
  Fen validate(ValidateContext& ctx) override { return params::optionalInt(*ctx.params, "amount").value_or(0); }
  StepResult execute(ExecuteContext& ctx) override {
    std::string key = ctx.idempotencyKey, out = ctx.outTradeId;
    ctx.scope.session << "INSERT INTO t_runs (step_key, out_trade_id) VALUES ($1, $2)", use(key), use(out), now;
    if (auto amount = params::optionalInt(*ctx.params, "amount")) ctx.ledger.debit(*amount, "t", key);
    if (params::optionalBool(*ctx.params, "fail").value_or(false)) return StepResult::fail("asked to fail");
    return StepResult::done();
  }
};

class CallHandler : public ActionHandler {
 public:
  Fen validate(ValidateContext&) override { return 0; }
  bool hasEffect() const override { return true; }
  StepResult effect(EffectContext& ctx) override {
    HttpRequest request;
    request.url = "http://partner.test/notify";
    request.headers["Idempotency-Key"] = ctx.idempotencyKey;
    const auto reply = ctx.http.send(request);
    Poco::JSON::Object::Ptr result = new Poco::JSON::Object;
    result->set("status", reply.status);
    return StepResult::done(result);
  }
  StepResult execute(ExecuteContext& ctx) override {
    Poco::JSON::Object::Ptr result = new Poco::JSON::Object;
    result->set("seen", ctx.effect->getValue<int>("status"));
    return StepResult::done(result);
  }
};

class TestModule : public Module {
 public:
  std::string name() const override { return "t"; }
  std::string title() const override { return "测试"; }
  std::string version() const override { return "1"; }
  std::vector<ActionType> actionTypes() override {
    return {{1, "记录", {}, std::make_shared<Handler>()}, {2, "调用", {}, std::make_shared<CallHandler>()}};
  }
  std::vector<Migration> migrations() const override {
    return {{1, "CREATE TABLE t_runs (step_key TEXT, out_trade_id TEXT)",
             "CREATE TABLE t_runs (step_key TEXT, out_trade_id TEXT)"}};
  }
  std::vector<Job> jobs() override {
    return {{"sweep", 60000, [](JobContext& ctx) {
               std::string at = std::to_string(ctx.scope.clock.nowMs());
               ctx.scope.session << "INSERT INTO t_runs (step_key, out_trade_id) VALUES ('job', $1)", use(at), now;
               ctx.scope.wallets.of(2).credit(5, "job", "job");
             }}};
  }
  std::vector<Route> routes() override {
    Route me;
    me.method = "GET";
    me.path = "/t";
    me.audience = Audience::User;
    me.handler = [](RouteContext& ctx) { return RouteResponse{0, "success", ctx.scope.userId}; };
    Route admin = me;
    admin.audience = Audience::Admin;
    admin.handler = [](RouteContext& ctx) { return RouteResponse{0, "success", ctx.scope.userId}; };
    Route raw("POST", "/t/signed", Audience::Public, false, [](RouteContext& ctx) {
      Poco::JSON::Object::Ptr seen = new Poco::JSON::Object;
      seen->set("body", ctx.body);
      seen->set("signature", ctx.headers.count("x-signature") ? ctx.headers.at("x-signature") : "");
      seen->set("order", ctx.params->optValue<std::string>("order", ""));
      return RouteResponse::ok(seen);
    });
    return {me, admin, raw};
  }
};

class HarnessTest : public ::testing::Test {
 protected:
  std::vector<std::string> runs() {
    std::vector<std::string> keys, outs;
    h.session() << "SELECT step_key, out_trade_id FROM t_runs", into(keys), into(outs), now;
    std::vector<std::string> all;
    for (std::size_t i = 0; i < keys.size(); ++i) all.push_back(keys[i] + "/" + outs[i]);
    return all;
  }
  Harness h{std::make_shared<TestModule>()};
};

TEST_F(HarnessTest, EachExecuteIsANewPaymentWithItsOwnTradeIdAndKey) {
  ASSERT_EQ(StepResult::Status::Done, h.execute(1, "{}").status);
  ASSERT_EQ(StepResult::Status::Done, h.execute(1, "{}").status);
  const auto retry = h.newPayment(2);
  ASSERT_EQ(StepResult::Status::Done, h.execute(1, "{}", retry).status);
  EXPECT_EQ((std::vector<std::string>{"PNSTEP1-0/PNSTEP1", "PNSTEP2-0/PNSTEP2", "PNSTEP3-2/PNSTEP3"}), runs());
}

TEST_F(HarnessTest, RowsSnapshotATableAsText) {
  ASSERT_EQ(StepResult::Status::Done, h.execute(1, "{}").status);
  h.session() << "INSERT INTO t_runs (step_key, out_trade_id) VALUES ('k', NULL)", now;
  EXPECT_EQ((std::vector<std::string>{"PNSTEP1-0/PNSTEP1", "k/"}),
            h.rows("SELECT step_key, out_trade_id FROM t_runs ORDER BY step_key"));
  EXPECT_EQ(std::vector<std::string>{"2/1"}, h.rows("SELECT COUNT(*), COUNT(out_trade_id) FROM t_runs"));
  EXPECT_TRUE(h.rows("SELECT step_key FROM t_runs WHERE step_key = 'none'").empty());
}

TEST_F(HarnessTest, ARoutesCheckoutPaymentRunsItsChainUnderItsTradeId) {
  h.clock().now = 1800000000000;
  CheckoutRequest request;
  request.channel = PayChannel::wxpay("app");
  request.money = 100;
  const auto paid = h.checkout().pay(request);
  EXPECT_EQ(1800000000000, paid.createdAt) << "creation times follow the harness clock";
  ASSERT_EQ(StepResult::Status::Done, h.execute(1, "{}", h.paymentOf(paid, 1)).status);
  EXPECT_EQ(std::vector<std::string>{paid.outTradeId + "-1/" + paid.outTradeId}, runs());
}

TEST_F(HarnessTest, AStepThatIsNotDoneCommitsNothingAndMovesNoMoney) {
  h.ledger().balance_ = 100;
  EXPECT_EQ(StepResult::Status::Fail, h.execute(1, R"({"amount":30,"fail":true})").status);
  EXPECT_TRUE(runs().empty());
  EXPECT_EQ(100, h.ledger().balance_);
  EXPECT_TRUE(h.ledger().entries.empty());
  EXPECT_EQ(StepResult::Status::Fail, h.execute(1, R"({"amount":300})").status) << "InsufficientFunds fails it";
  EXPECT_EQ(100, h.ledger().balance_);
}

TEST_F(HarnessTest, TheMemoryWalletRefusesWhatTheHostRefuses) {
  EXPECT_THROW(h.ledger().credit(0, "r", "ref"), std::invalid_argument);
  EXPECT_THROW(h.ledger().debit(-1, "r", "ref"), std::invalid_argument);
  EXPECT_THROW(h.ledger().debitPoints(0, "r", "ref"), std::invalid_argument);
  EXPECT_THROW(h.ledger().debit(1, "r", "ref"), InsufficientFunds);
  EXPECT_EQ(refusal([&] { h.scope().wallets.of(7); }), Refusal(700, "用户 7 不存在"));
  h.users().add(7, "卖家");
  h.scope().wallets.of(7).credit(3, "r", "ref");
  EXPECT_EQ(3, h.ledger(7).balance_);
  EXPECT_EQ("卖家", h.scope().users.find(7)->nickname);
}

TEST_F(HarnessTest, TheEffectRunsOutsideTheTransactionThroughTheScriptedClient) {
  bool inTransaction = true;
  h.http().answer = [&](const HttpRequest& request) {
    inTransaction = h.session().isTransaction();
    EXPECT_EQ("PNSTEP1-0", request.headers.at("Idempotency-Key"));
    HttpReply r;
    r.status = 204;
    return r;
  };
  const auto r = h.execute(2, "{}");
  ASSERT_EQ(StepResult::Status::Done, r.status) << r.reason;
  EXPECT_FALSE(inTransaction);
  EXPECT_EQ(204, r.result->getValue<int>("seen"));
  h.http().answer = nullptr;
  EXPECT_EQ(StepResult::Status::Fail, h.execute(2, "{}").status) << "an unscripted call fails like a refused one";
}

TEST_F(HarnessTest, RoutesAreCalledAsTheirAudience) {
  EXPECT_EQ(1, h.callAs(Audience::User, "GET", "/t", "{}").data.convert<int>());
  EXPECT_EQ(0, h.callAs(Audience::Admin, "GET", "/t", "{}").data.convert<int>()) << "admin routes have no user";
  h.setUser(0);
  const auto refused = h.callAs(Audience::User, "GET", "/t", "{}");
  EXPECT_EQ(Refusal(2000, "请先登录"), Refusal(refused.code, refused.msg));
}

TEST_F(HarnessTest, ARawCallGivesTheRouteTheExactBodyAndHeadersAndItsFieldsAsParams) {
  const std::string body = R"({"order": "J1",  "amount":1})";
  auto r = h.callRaw("POST", "/t/signed", body, {{"x-signature", "abc"}});
  ASSERT_EQ(0, r.code) << r.msg;
  auto seen = r.data.extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(body, seen->getValue<std::string>("body"));
  EXPECT_EQ("abc", seen->getValue<std::string>("signature"));
  EXPECT_EQ("J1", seen->getValue<std::string>("order"));
  // An ordinary call carries neither.
  seen = h.call("POST", "/t/signed", R"({"order":"J2"})").data.extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ("", seen->getValue<std::string>("body"));
  EXPECT_EQ("", seen->getValue<std::string>("signature"));
}

TEST_F(HarnessTest, JobsRunOnTheHarnessClockWithTheFactorysWallets) {
  h.users().add(2);
  h.clock().now = 1800000000000;
  h.runJob("sweep");
  EXPECT_EQ(std::vector<std::string>{"job/1800000000000"}, runs());
  EXPECT_EQ(5, h.ledger(2).balance_);
  EXPECT_THROW(h.runJob("nope"), std::logic_error);
}

TEST_F(HarnessTest, ServicesAreRefusedAsTheHostRefusesThem) {
  EXPECT_EQ(nullptr, h.scope().services.find<services::CouponsService>());
  EXPECT_EQ(refusal([&] { h.scope().services.require<services::CouponsService>(); }),
            Refusal(300, "需要「优惠券」服务(coupons v1),但提供它的模块未安装,请联系平台管理员"));
}

TEST_F(HarnessTest, PostgresqlMigrationsAreCheckedWhenAServerIsNamed) {
  if (!Harness::postgresqlServer()) GTEST_SKIP() << "PAYNEXT_TEST_POSTGRESQL is not set: no PostgreSQL to check against";
  EXPECT_TRUE(h.checkPostgresqlMigrations());
}

}  // namespace
}  // namespace paynext::sdk::testing
