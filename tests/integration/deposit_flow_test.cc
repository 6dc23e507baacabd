// The deposit module end to end: a user pays through WeChat (the simulator)
// with nextAction type 5, which freezes a deposit in the wallet; an admin then
// releases it, or forfeits part of it, through the admin API, and the user's
// wallet and ledger show it. Admins racing on one deposit settle it once.
#include <gtest/gtest.h>

#include <algorithm>
#include <thread>
#include <vector>

#include <Poco/JSON/Parser.h>

#include "tests/integration/support/db_probe.h"
#include "tests/integration/support/paynext_env.h"

namespace paynext::testing {
namespace {

class DepositFlowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    env_.createFactory("f1", {"deposit"});
    token_ = env_.userToken("f1", "13800000000");
    userId_ = std::to_string(db_.count("SELECT id FROM users WHERE factory_id = 1 AND mobile = '13800000000'"));
  }

  Poco::JSON::Object::Ptr call(const std::string& path, std::map<std::string, std::string> fields = {}) {
    fields["token"] = token_;
    return env_.call("f1", path, fields);
  }
  HttpResult admin(const std::string& method, const std::string& path, const std::string& json = "") {
    return env_.admin(method, "/factories/f1/modules/deposit" + path, json);
  }
  // Pays 30 yuan through WeChat with a 20 yuan deposit as the step; returns
  // the deposit's id, with the deposit HELD and 10 yuan left in the balance.
  std::string payDeposit() {
    auto r = call("/pay/wx/wxapp", {{"money", "30"}, {"nextAction", "{type:5, amount:'20', refCode:'B-1', remark:'租车'}"}});
    EXPECT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
    outTradeId_ = r->getObject("data")->getValue<std::string>("outTradeId");
    env_.simPay(outTradeId_);
    EXPECT_TRUE(eventually([&] { return db_.settled(outTradeId_); })) << env_.log();
    EXPECT_EQ("DONE", db_.steps(outTradeId_));
    auto list = call("/deposit/list");
    EXPECT_EQ(0, list->getValue<int>("code")) << list->getValue<std::string>("msg");
    auto deposit = list->getArray("data")->getObject(0);
    EXPECT_EQ("HELD", deposit->getValue<std::string>("status"));
    EXPECT_EQ("B-1", deposit->getValue<std::string>("refCode"));
    EXPECT_EQ("10/20", wallet());
    return std::to_string(deposit->getValue<std::int64_t>("id"));
  }
  // "balance/freeze" in yuan, as the user sees them.
  std::string wallet() {
    auto amount = call("/user/amount")->getObject("data");
    return amount->get("balance").toString() + "/" + amount->get("freeze").toString();
  }
  // The user's ledger entries of the deposit, oldest first: "currency amount reason".
  std::string depositLedger() {
    return db_.joined("SELECT currency || ' ' || amount || ' ' || reason FROM ledger_entries WHERE user_id = " +
                          userId_ + " AND reference = 'deposit:" + outTradeId_ + "-0' ORDER BY id",
                      "; ");
  }
  Poco::JSON::Object::Ptr info(const std::string& id) {
    auto r = call("/deposit/info", {{"id", id}});
    EXPECT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
    return r->getObject("data");
  }
  static std::string error(int status, const std::string& message) {
    return "{\"error\":{\"message\":\"" + message + "\",\"status\":" + std::to_string(status) + "}}";
  }

  PaynextEnv env_{EnvOptions{{"deposit"}}};
  DbProbe db_{env_.storage()};
  std::string token_, userId_, outTradeId_;
};

TEST_F(DepositFlowTest, AnAdminReleasesADepositPaidThroughWeChat) {
  const std::string id = payDeposit();
  // The admin finds it by user and state, with the step's reference.
  auto listed = admin("GET", "/deposits?status=HELD&userId=" + userId_);
  ASSERT_EQ(200, listed.status) << listed.body;
  auto list = Poco::JSON::Parser().parse(listed.body).extract<Poco::JSON::Array::Ptr>();
  ASSERT_EQ(1u, list->size());
  EXPECT_EQ("deposit:" + outTradeId_ + "-0", list->getObject(0)->getValue<std::string>("reference"));
  EXPECT_EQ(20.0, list->getObject(0)->getValue<double>("amount"));

  auto r = admin("POST", "/deposits/release", "{\"id\":" + id + "}");
  ASSERT_EQ(201, r.status) << r.body;
  EXPECT_EQ("RELEASED", r.json()->getValue<std::string>("status"));
  EXPECT_EQ("30/0", wallet());
  EXPECT_EQ("balance -2000 支付押金; frozen 2000 支付押金; frozen -2000 退还押金; balance 2000 退还押金", depositLedger());
  auto deposit = info(id);
  EXPECT_EQ("RELEASED", deposit->getValue<std::string>("status"));
  EXPECT_GT(deposit->getValue<std::int64_t>("settledAt"), 0);

  // Once released it stays so.
  r = admin("POST", "/deposits/release", "{\"id\":" + id + "}");
  EXPECT_EQ(409, r.status);
  EXPECT_EQ(error(409, "押金 " + id + " 已退还,不能再退还"), r.body);
  r = admin("POST", "/deposits/forfeit", "{\"id\":" + id + ",\"amount\":1,\"reason\":\"损坏\"}");
  EXPECT_EQ(error(409, "押金 " + id + " 已退还,不能再扣除"), r.body);
  EXPECT_EQ("30/0", wallet());
  EXPECT_EQ(4, db_.count("SELECT COUNT(*) FROM ledger_entries WHERE reference LIKE 'deposit:%'"));
}

TEST_F(DepositFlowTest, AnAdminForfeitsPartOfADeposit) {
  const std::string id = payDeposit();
  auto r = admin("POST", "/deposits/forfeit", "{\"id\":" + id + ",\"amount\":\"20.01\",\"reason\":\"车辆损坏\"}");
  EXPECT_EQ(error(400, "参数 amount 不能超过押金金额 20.00 元"), r.body);
  r = admin("POST", "/deposits/forfeit", "{\"id\":" + id + ",\"amount\":\"5.5\"}");
  EXPECT_EQ(error(400, "缺少参数 reason"), r.body);
  r = admin("POST", "/deposits/forfeit", "{\"id\":999,\"amount\":\"5.5\",\"reason\":\"车辆损坏\"}");
  EXPECT_EQ(error(404, "押金记录 999 不存在"), r.body);
  EXPECT_EQ("10/20", wallet());
  EXPECT_EQ("HELD", info(id)->getValue<std::string>("status"));

  r = admin("POST", "/deposits/forfeit", "{\"id\":" + id + ",\"amount\":\"5.5\",\"reason\":\"车辆损坏\"}");
  ASSERT_EQ(201, r.status) << r.body;
  EXPECT_EQ("24.5/0", wallet());
  EXPECT_EQ("balance -2000 支付押金; frozen 2000 支付押金; frozen -2000 扣除押金:车辆损坏; "
            "balance 2000 扣除押金:车辆损坏; balance -550 扣除押金:车辆损坏",
            depositLedger());
  auto deposit = info(id);
  EXPECT_EQ("FORFEITED", deposit->getValue<std::string>("status"));
  EXPECT_EQ(5.5, deposit->getValue<double>("forfeitedAmount"));
  EXPECT_EQ("车辆损坏", deposit->getValue<std::string>("forfeitReason"));
  r = admin("POST", "/deposits/release", "{\"id\":" + id + "}");
  EXPECT_EQ(error(409, "押金 " + id + " 已扣除,不能再退还"), r.body);
  EXPECT_EQ("24.5/0", wallet());
}

TEST_F(DepositFlowTest, AnotherFactorysAdminRoutesDoNotSeeTheDeposit) {
  const std::string id = payDeposit();
  env_.createFactory("f2", {"deposit"});
  auto r = env_.admin("POST", "/factories/f2/modules/deposit/deposits/release", "{\"id\":" + id + "}");
  EXPECT_EQ(error(404, "押金记录 " + id + " 不存在"), r.body);
  r = env_.admin("GET", "/factories/f2/modules/deposit/deposits");
  EXPECT_EQ("[]", r.body);
  EXPECT_EQ("10/20", wallet());
}

TEST_F(DepositFlowTest, AdminsReleasingOneDepositAtOnceReleaseItOnce) {
  const std::string id = payDeposit();
  // A second deposit keeps enough frozen that a double release would not be
  // stopped by the wallet: only the deposit's state can stop it.
  ASSERT_EQ(0, call("/deposit/pay", {{"amount", "5"}})->getValue<int>("code"));
  ASSERT_EQ("5/25", wallet());

  // On PostgreSQL the test holds the deposit's row, so every admin's request
  // reads it HELD and then waits at its update: all of them race on it, and
  // the losers are run again by the host and refused. (SQLite runs one
  // writing transaction at a time: they queue instead.)
  const bool postgresql = env_.storage().rfind("postgresql:", 0) == 0;
  Poco::Data::Session holder = db_.session();
  if (postgresql) {
    holder.begin();
    holder << "UPDATE deposit_deposits SET remark = remark WHERE id = " + id, Poco::Data::Keywords::now;
  }
  constexpr int kAdmins = 6;
  std::vector<int> statuses(kAdmins);
  std::vector<std::string> bodies(kAdmins);
  std::vector<std::thread> admins;
  for (int i = 0; i < kAdmins; ++i) {
    admins.emplace_back([&, i] {
      const auto r = admin("POST", "/deposits/release", "{\"id\":" + id + "}");
      statuses[i] = r.status;
      bodies[i] = r.body;
    });
  }
  if (postgresql) {
    const bool allWaiting = eventually([&] {
      return db_.count("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() "
                       "AND wait_event_type = 'Lock'") == kAdmins;
    });
    holder.commit();
    ASSERT_TRUE(allWaiting) << env_.log();
  }
  for (auto& t : admins) t.join();
  EXPECT_EQ(1, std::count(statuses.begin(), statuses.end(), 201));
  EXPECT_EQ(kAdmins - 1, std::count(bodies.begin(), bodies.end(), error(409, "押金 " + id + " 已退还,不能再退还")));
  EXPECT_EQ("25/5", wallet());
  EXPECT_EQ("balance -2000 支付押金; frozen 2000 支付押金; frozen -2000 退还押金; balance 2000 退还押金", depositLedger());
}

}  // namespace
}  // namespace paynext::testing
