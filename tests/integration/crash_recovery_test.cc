// paynextd killed with SIGKILL in the middle of chains: after a restart every
// step has run exactly once and every fen is accounted for in the ledger.
#include <gtest/gtest.h>

#include "core/payments/wxpay/wxpay_sign.h"
#include "core/storage/database.h"
#include "core/payments/wxpay/wxpay_xml.h"
#include "tests/integration/support/db_probe.h"
#include "tests/integration/support/paynext_env.h"
#include "tests/integration/support/test_database.h"

namespace paynext::testing {
namespace {

namespace wx = core::payments::wxpay;

// The worker's leases are what this tests, so every step is left to the
// worker (none runs inline with its settlement, which would finish each chain
// before its notification is answered); the multi-instance test kills an
// instance while chains settle inline.
EnvOptions workerOnly(std::map<std::string, std::string> config = {}) {
  EnvOptions o;
  o.config = std::move(config);
  o.config["worker.inlineSteps"] = "false";
  return o;
}

// WeChat Pay says the 1.00 yuan payment `out` of factory f1 was paid.
void notifyPaid(PaynextEnv& env, const std::string& out) {
  wx::Fields f{{"appid", kAppId},          {"mch_id", kMchId},          {"nonce_str", "n"},
               {"result_code", "SUCCESS"}, {"return_code", "SUCCESS"}, {"out_trade_no", out},
               {"total_fee", "100"},       {"transaction_id", "t" + out}};
  f["sign"] = wx::sign(f, kApiKey, wx::SignType::Md5);
  const auto reply = env.api().send("POST", "/notify/wxpay/f1", wx::toXml(f), "text/xml").body;
  ASSERT_NE(std::string::npos, reply.find("SUCCESS")) << reply;
}

// User 13800000000 of f1 pays 1.00 yuan with `nextAction`, and WeChat Pay says it was paid.
void payPaid(PaynextEnv& env, const std::string& nextAction) {
  const auto token = env.userToken("f1", "13800000000");
  auto r = env.call("f1", "/pay/wx/wxapp", {{"token", token}, {"money", "1.00"}, {"nextAction", nextAction}});
  ASSERT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
  ASSERT_NO_FATAL_FAILURE(notifyPaid(env, r->getObject("data")->getValue<std::string>("outTradeId")));
}

TEST(CrashRecoveryTest, EveryStepRunsExactlyOnceAcrossSigkill) {
  PaynextEnv env(workerOnly());
  env.createFactory("f1", {"testkit"});
  const auto token = env.userToken("f1", "13800000000");
  DbProbe db(env.storage());
  constexpr int kChains = 20;
  std::vector<std::string> outs;
  for (int i = 0; i < kChains; ++i) {
    auto r = env.call("f1", "/pay/wx/wxapp",
                      {{"token", token},
                       {"money", "1.00"},
                       {"nextAction", "{type:900, amount:10, sleepMs:40, nextAction:{type:900, amount:5, sleepMs:40, "
                                      "nextAction:{type:900, amount:1, sleepMs:40}}}"}});
    ASSERT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
    outs.push_back(r->getObject("data")->getValue<std::string>("outTradeId"));
  }
  for (const auto& out : outs) ASSERT_NO_FATAL_FAILURE(notifyPaid(env, out));
  const std::string done = "SELECT COUNT(*) FROM chain_steps WHERE status = 'DONE'";
  ASSERT_TRUE(eventually([&] { return db.count(done) >= 10; }));
  env.stopServer(SIGKILL);
  const auto doneAtKill = db.count(done);
  EXPECT_LT(doneAtKill, kChains * 3) << "the kill came too late to test anything";

  env.startServer();
  ASSERT_TRUE(eventually([&] { return db.count(done) == kChains * 3; }, std::chrono::seconds(60)));
  EXPECT_EQ(kChains * 3, db.count("SELECT COUNT(*) FROM testkit_runs"));
  EXPECT_EQ(kChains * 3, db.count("SELECT COUNT(DISTINCT step_key) FROM testkit_runs"));
  // Credits of 100 per payment, debits of 10 + 5 + 1 per chain.
  EXPECT_EQ(kChains * 100, db.count("SELECT SUM(amount) FROM ledger_entries WHERE amount > 0"));
  EXPECT_EQ(-kChains * 16, db.count("SELECT SUM(amount) FROM ledger_entries WHERE amount < 0"));
  EXPECT_EQ(kChains * 84, db.count("SELECT balance FROM wallets"));
  EXPECT_EQ(kChains * 4, db.count("SELECT COUNT(*) FROM ledger_entries"));
}

// A step whose transaction gave up (PostgreSQL retries a lost race
// Database::kMaxAttempts times, SQLite not at all) is given back at once and
// run again after the back-off, not when its ten-minute lease runs out.
TEST(CrashRecoveryTest, StepWhoseTransactionGaveUpRunsAgainBeforeItsLeaseEnds) {
  PaynextEnv env(
      workerOnly({{"worker.leaseMs", "600000"}, {"worker.backoffBaseMs", "100"}, {"worker.pollIntervalMs", "50"}}));
  env.createFactory("f1", {"testkit"});
  DbProbe db(env.storage());
  const int conflicts = onPostgresql() ? core::storage::Database::kMaxAttempts : 1;
  ASSERT_NO_FATAL_FAILURE(payPaid(env, "{type:900, amount:10, mode:'conflict', conflicts:" +
                                           std::to_string(conflicts) + ", nextAction:{type:900, amount:5}}"));

  const std::string done = "SELECT COUNT(*) FROM chain_steps WHERE status = 'DONE'";
  ASSERT_TRUE(eventually([&] { return db.count(done) == 2; }, std::chrono::seconds(30)));
  // Claimed twice: the run that gave up, then the one that finished.
  EXPECT_EQ(2, db.count("SELECT attempts FROM chain_steps WHERE seq = 0"));
  EXPECT_EQ(2, db.count("SELECT COUNT(*) FROM testkit_runs"));
  EXPECT_EQ(100 - 15, db.count("SELECT balance FROM wallets"));
}

// A run that outlives its lease loses the step to a new claim; when it wakes,
// its work is undone rather than recorded, so the step's work is committed
// once. On PostgreSQL the second thread takes the step over (on SQLite the
// stalled run holds the write lock, so nobody can, and it finishes).
TEST(CrashRecoveryTest, ARunThatOutlivedItsLeaseIsUndoneAndTheStepRunsOnce) {
  PaynextEnv env(workerOnly({{"worker.leaseMs", "400"}, {"worker.threads", "2"}, {"worker.pollIntervalMs", "50"}}));
  env.createFactory("f1", {"testkit"});
  DbProbe db(env.storage());
  ASSERT_NO_FATAL_FAILURE(payPaid(env, "{type:900, amount:10, sleepFirstMs:1500}"));

  const std::string done = "SELECT COUNT(*) FROM chain_steps WHERE status = 'DONE'";
  ASSERT_TRUE(eventually([&] { return db.count(done) == 1; }, std::chrono::seconds(30)));
  if (onPostgresql()) {
    EXPECT_EQ(2, db.count("SELECT attempts FROM chain_steps"));  // taken over while the first run slept
    // The stalled run wakes after the takeover finished; give it time to try.
    const auto gaveUp = [&] { return env.log().find("lost its lease") != std::string::npos; };
    ASSERT_TRUE(eventually(gaveUp, std::chrono::seconds(10)));
  }
  EXPECT_EQ(1, db.count("SELECT COUNT(*) FROM testkit_runs"));
  EXPECT_EQ(100 - 10, db.count("SELECT balance FROM wallets"));
  EXPECT_EQ(2, db.count("SELECT COUNT(*) FROM ledger_entries"));
}

}  // namespace
}  // namespace paynext::testing
