// Admins look users up and adjust their balance and points:
// GET /admin/api/factories/{f}/users[/{id}], POST .../users/{id}/adjustments.
#include <gtest/gtest.h>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include "tests/integration/support/db_probe.h"
#include "tests/integration/support/paynext_env.h"

namespace paynext::testing {
namespace {

class AdminUsersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    env_.createFactory("f1", {"testkit"});
    env_.createFactory("f2", {"testkit"});
    token_ = env_.userToken("f1", "13800000001");
    env_.userToken("f1", "13800000002");
    env_.userToken("f2", "13900000001");
    user_ = std::to_string(db_.count("SELECT id FROM users WHERE factory_id = 1 AND mobile = '13800000001'"));
    otherFactoryUser_ = std::to_string(db_.count("SELECT id FROM users WHERE factory_id = 2"));
  }
  HttpResult adjust(const std::string& user, const std::string& json, const std::string& factory = "f1") {
    return env_.admin("POST", "/factories/" + factory + "/users/" + user + "/adjustments", json);
  }
  // Everything an adjustment may change.
  std::string state() {
    return db_.joined("SELECT user_id || ':' || balance || '/' || frozen || '/' || points || '/' || total_consumed "
                      "FROM wallets ORDER BY user_id") +
           " ledger=" + std::to_string(db_.count("SELECT COUNT(*) FROM ledger_entries")) +
           " adjustments=" + std::to_string(db_.count("SELECT COUNT(*) FROM wallet_adjustments")) +
           " audit=" + std::to_string(db_.count("SELECT COUNT(*) FROM admin_audit"));
  }
  static std::string error(int status, const std::string& message) {
    return "{\"error\":{\"message\":\"" + message + "\",\"status\":" + std::to_string(status) + "}}";
  }

  PaynextEnv env_{EnvOptions{{"test:testkit"}, {}, false}};
  DbProbe db_{env_.storage()};
  std::string token_, user_, otherFactoryUser_;
};

TEST_F(AdminUsersTest, AdjustmentCreditsBalanceAndPointsInOneLedgeredAuditedStep) {
  auto r = adjust(user_, R"({"balance":"+12.50","points":30,"reason":"活动补偿"})");
  ASSERT_EQ(201, r.status) << r.body;
  EXPECT_EQ("{\"id\":1,\"userId\":" + user_ +
                ",\"reference\":\"admin:admin.token:1\",\"reason\":\"活动补偿\",\"balance\":1250,\"points\":30,"
                "\"wallet\":{\"balance\":1250,\"frozen\":0,\"points\":30,\"totalConsumed\":0}}",
            r.body);
  // The user sees it in yuan.
  auto amount = env_.call("f1", "/user/amount", {{"token", token_}})->getObject("data");
  EXPECT_DOUBLE_EQ(12.5, amount->getValue<double>("balance"));
  EXPECT_EQ(30, amount->getValue<int>("score"));
  EXPECT_DOUBLE_EQ(0, amount->getValue<double>("totleConsumed"));

  r = adjust(user_, R"({"balance":"-2.5","points":-10,"reason":"扣回多发"})");
  ASSERT_EQ(201, r.status) << r.body;
  EXPECT_NE(std::string::npos, r.body.find(R"("wallet":{"balance":1000,"frozen":0,"points":20,"totalConsumed":0})"))
      << r.body;

  // The admin's look-up shows the wallet and the entries, newest first.
  auto user = env_.admin("GET", "/factories/f1/users/" + user_).json();
  EXPECT_EQ("13800000001", user->getValue<std::string>("mobile"));
  auto wallet = user->getObject("wallet");
  EXPECT_EQ(1000, wallet->getValue<int>("balance"));
  EXPECT_EQ(20, wallet->getValue<int>("points"));
  auto ledger = user->getArray("ledger");
  ASSERT_EQ(4u, ledger->size());
  const std::vector<std::string> expected{"points -10 20 扣回多发 admin:admin.token:2",
                                          "balance -250 1000 扣回多发 admin:admin.token:2",
                                          "points 30 30 活动补偿 admin:admin.token:1",
                                          "balance 1250 1250 活动补偿 admin:admin.token:1"};
  for (std::size_t i = 0; i < ledger->size(); ++i) {
    auto e = ledger->getObject(i);
    EXPECT_EQ(expected[i], e->getValue<std::string>("currency") + " " + e->get("amount").toString() + " " +
                               e->get("balanceAfter").toString() + " " + e->getValue<std::string>("reason") + " " +
                               e->getValue<std::string>("reference"));
  }
  EXPECT_EQ(1u, env_.admin("GET", "/factories/f1/users/" + user_ + "?limit=1").json()->getArray("ledger")->size());
  auto page = env_.admin("GET", "/factories/f1/users/" + user_ + "?limit=1&offset=3").json()->getArray("ledger");
  ASSERT_EQ(1u, page->size());
  EXPECT_EQ("活动补偿", page->getObject(0)->getValue<std::string>("reason"));

  // One audit entry per adjustment, with before and after in fen.
  auto audit = Poco::JSON::Parser().parse(env_.admin("GET", "/audit?factory=f1&limit=1").body)
                   .extract<Poco::JSON::Array::Ptr>()
                   ->getObject(0);
  EXPECT_EQ("wallet.adjust", audit->getValue<std::string>("action"));
  EXPECT_EQ("user:" + user_, audit->getValue<std::string>("target"));
  EXPECT_EQ("admin.token", audit->getValue<std::string>("actor"));
  EXPECT_EQ(R"({"balance":1250,"points":30})", audit->getValue<std::string>("before"));
  EXPECT_EQ(R"({"balance":1000,"points":20,"reason":"扣回多发","reference":"admin:admin.token:2"})",
            audit->getValue<std::string>("after"));
  EXPECT_EQ(2, db_.count("SELECT COUNT(*) FROM admin_audit WHERE action = 'wallet.adjust'"));
}

TEST_F(AdminUsersTest, UsersAreListedAndFoundByMobileWithinTheFactory) {
  ASSERT_EQ(201, adjust(user_, R"({"points":5,"reason":"r"})").status);
  auto list = Poco::JSON::Parser().parse(env_.admin("GET", "/factories/f1/users").body).extract<Poco::JSON::Array::Ptr>();
  ASSERT_EQ(2u, list->size());
  EXPECT_EQ("13800000002", list->getObject(0)->getValue<std::string>("mobile"));  // newest first
  EXPECT_EQ("13800000001", list->getObject(1)->getValue<std::string>("mobile"));
  EXPECT_EQ(5, list->getObject(1)->getValue<int>("points"));
  auto one = env_.admin("GET", "/factories/f1/users?mobile=13800000001").body;
  EXPECT_EQ(1u, Poco::JSON::Parser().parse(one).extract<Poco::JSON::Array::Ptr>()->size());
  EXPECT_NE(std::string::npos, one.find("\"id\":" + user_));
  EXPECT_EQ("[]", env_.admin("GET", "/factories/f1/users?mobile=13900000001").body);  // f2's user
  EXPECT_EQ(1u, Poco::JSON::Parser().parse(env_.admin("GET", "/factories/f1/users?limit=1&offset=1").body)
                    .extract<Poco::JSON::Array::Ptr>()
                    ->size());
  auto bad = env_.admin("GET", "/factories/f1/users?limit=0");
  EXPECT_EQ(400, bad.status);
  EXPECT_EQ(error(400, "参数 limit 应为 1 到 500 的整数"), bad.body);
}

TEST_F(AdminUsersTest, UnknownUsersAndUsersOfAnotherFactoryAreNotFound) {
  const std::string before = state();
  for (const auto& id : {std::string("999"), otherFactoryUser_, std::string("abc"), std::string("0"),
                         std::string("-1")}) {
    auto r = env_.admin("GET", "/factories/f1/users/" + id);
    EXPECT_EQ(404, r.status) << id;
    EXPECT_EQ(error(404, "用户 " + id + " 不存在"), r.body);
    r = adjust(id, R"({"balance":"+1","reason":"r"})");
    EXPECT_EQ(404, r.status) << id;
    EXPECT_EQ(error(404, "用户 " + id + " 不存在"), r.body);
  }
  EXPECT_EQ(404, env_.admin("GET", "/factories/nope/users/" + user_).status);
  EXPECT_EQ(before, state());
}

TEST_F(AdminUsersTest, BadAdjustmentsAreRefusedNamingTheFieldAndChangeNothing) {
  ASSERT_EQ(201, adjust(user_, R"({"balance":"+5","points":10,"reason":"起始"})").status);
  const std::string before = state();
  const std::string badBalance = "参数 balance 格式错误,应为带 + 或 - 号、不超过两位小数的金额(元),如 +12.50 或 -3";
  const std::vector<std::tuple<int, std::string, std::string>> cases{
      {400, badBalance, R"({"balance":"5","reason":"r"})"},
      {400, badBalance, R"({"balance":"+0.001","reason":"r"})"},
      {400, badBalance, R"({"balance":"+1,5","reason":"r"})"},
      {400, badBalance, R"({"balance":5,"reason":"r"})"},
      {400, "参数 balance 不能为 0", R"({"balance":"-0.00","reason":"r"})"},
      {400, "参数 points 不能为 0", R"({"balance":"+1","points":0,"reason":"r"})"},
      {400, "参数 points 格式错误,应为整数,如 +10 或 -10", R"({"points":2.5,"reason":"r"})"},
      {400, "参数 points 格式错误,应为整数,如 +10 或 -10", R"({"points":"x","reason":"r"})"},
      {400, "缺少参数 balance 或 points(至少调整一项)", R"({"reason":"r"})"},
      {400, "缺少参数 reason", R"({"balance":"+1"})"},
      {400, "缺少参数 reason", R"({"balance":"+1","reason":" "})"},
      {400, "未知参数 amount,只能是 balance、points 或 reason", R"({"amount":"+1","reason":"r"})"},
      {409, "余额不足:现有 5.00 元,不能扣减 5.01 元", R"({"balance":"-5.01","reason":"r"})"},
      {409, "积分不足:现有 10 积分,不能扣减 11 积分", R"({"balance":"+100","points":-11,"reason":"r"})"},
      {409, "余额不足:现有 5.00 元,不能扣减 6.00 元", R"({"balance":"-6","points":100,"reason":"r"})"},
  };
  for (const auto& [status, message, body] : cases) {
    auto r = adjust(user_, body);
    EXPECT_EQ(status, r.status) << body;
    EXPECT_EQ(error(status, message), r.body) << body;
  }
  auto r = env_.admin("POST", "/factories/f1/users/" + user_ + "/adjustments", "{\"balance\":");
  EXPECT_EQ(400, r.status);
  EXPECT_EQ(before, state());
  // Exactly to zero is allowed.
  r = adjust(user_, R"({"balance":"-5","points":-10,"reason":"清零"})");
  EXPECT_EQ(201, r.status) << r.body;
}

TEST_F(AdminUsersTest, FactoryAdminAdjustsOnlyTheirOwnFactorysUsers) {
  ASSERT_EQ(201, env_.admin("POST", "/admins",
                            R"({"username":"alice","password":"alice-pass-1","role":"factory","factory":"f1"})")
                     .status);
  auto login = env_.api().send("POST", "/admin/api/login", R"({"username":"alice","password":"alice-pass-1"})",
                               "application/json");
  ASSERT_EQ(200, login.status);
  const std::map<std::string, std::string> auth{
      {"Authorization", "Bearer " + login.json()->getValue<std::string>("token")}};
  auto as = [&](const std::string& method, const std::string& path, const std::string& body = "") {
    return env_.api().send(method, "/admin/api" + path, body, body.empty() ? "" : "application/json", auth);
  };
  auto r = as("POST", "/factories/f1/users/" + user_ + "/adjustments", R"({"points":7,"reason":"客服补偿"})");
  ASSERT_EQ(201, r.status) << r.body;
  EXPECT_NE(std::string::npos, r.body.find("\"reference\":\"admin:alice:1\""));
  EXPECT_EQ(200, as("GET", "/factories/f1/users/" + user_).status);
  EXPECT_EQ(200, as("GET", "/factories/f1/users").status);

  const std::string before = state();
  r = as("POST", "/factories/f2/users/" + otherFactoryUser_ + "/adjustments", R"({"points":7,"reason":"r"})");
  EXPECT_EQ(403, r.status);
  EXPECT_EQ(error(403, "无权访问工厂 f2"), r.body);
  EXPECT_EQ(error(403, "无权访问工厂 f2"), as("GET", "/factories/f2/users/" + otherFactoryUser_).body);
  EXPECT_EQ(error(403, "无权访问工厂 f2"), as("GET", "/factories/f2/users").body);
  // f2's user through alice's own factory is simply not there.
  r = as("POST", "/factories/f1/users/" + otherFactoryUser_ + "/adjustments", R"({"points":7,"reason":"r"})");
  EXPECT_EQ(404, r.status);
  EXPECT_EQ(before, state());
}

}  // namespace
}  // namespace paynext::testing
