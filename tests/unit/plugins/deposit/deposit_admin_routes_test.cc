#include "plugins/deposit/deposit_admin_routes.h"

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/JSON/Array.h>

#include "deposit_test_support.h"
#include "plugins/deposit/deposit_store.h"

namespace paynext::plugins::deposit::test {
namespace {

using Refusal = std::pair<int, std::string>;

class DepositAdminRoutesTest : public DepositTest {
 protected:
  // Deposit 1: user 1 pays 20 yuan through /deposit/pay (balance 50 -> 30).
  // Deposit 2: user 2's nextAction type 5 step freezes 8 yuan (balance 10 -> 2).
  void SetUp() override {
    h.clock().now = 1714521600000;  // 2024-05-01T00:00:00Z
    h.ledger().balance_ = 5000;
    ASSERT_EQ(h.call("POST", "/deposit/pay", R"({"amount":20,"refCode":"R-1"})").code, 0);
    h.setUser(2);
    h.ledger().balance_ = 1000;
    ASSERT_EQ(h.execute(5, R"({"amount":8})", "PN9-0").status, sdk::StepResult::Status::Done);
    h.setUser(1);
    h.clock().advance(60000);
  }

  sdk::RouteResponse admin(const std::string& method, const std::string& path, const std::string& json) {
    return h.callAs(sdk::Audience::Admin, method, path, json);
  }
  Refusal refused(const std::string& method, const std::string& path, const std::string& json) {
    const auto r = admin(method, path, json);
    return {r.code, r.msg};
  }

  // Each deposit as "id/status/forfeited/reason/settledAt", and each wallet as
  // "user:balance/frozen/entries": all a release or forfeit may change.
  std::string state() {
    std::string out;
    for (const auto& row : h.rows("SELECT id, status, forfeited_amount, forfeit_reason, settled_at "
                                  "FROM deposit_deposits ORDER BY id")) {
      out += row + ";";
    }
    for (std::int64_t user : {1, 2}) {
      auto& w = h.ledger(user);
      out += std::to_string(user) + ":" + std::to_string(w.balance_) + "/" + std::to_string(w.frozen_) + "/" +
             std::to_string(w.entries.size()) + ";";
    }
    return out;
  }
  static const std::string kBefore;
};

const std::string DepositAdminRoutesTest::kBefore = "1/HELD/0//0;2/HELD/0//0;1:3000/2000/2;2:200/800/2;";

TEST_F(DepositAdminRoutesTest, RoutesAreAdminResourcesWithTitles) {
  const auto routes = depositAdminRoutes();
  ASSERT_EQ(routes.size(), 3u);
  const std::vector<std::tuple<std::string, std::string, bool, std::string>> expected{
      {"GET", "/deposits", false, "押金记录"},
      {"POST", "/deposits/release", true, "退还押金"},
      {"POST", "/deposits/forfeit", true, "扣除押金"}};
  for (std::size_t i = 0; i < routes.size(); ++i) {
    EXPECT_EQ(routes[i].audience, sdk::Audience::Admin);
    EXPECT_EQ(std::make_tuple(routes[i].method, routes[i].path, routes[i].writes, routes[i].title), expected[i]);
  }
  // The module mounts them next to the mobile routes.
  EXPECT_EQ(DepositModule().routes().size(), 6u);
}

TEST_F(DepositAdminRoutesTest, ListShowsTheFactorysDepositsNewestFirstFilteredAndPaged) {
  h.setFactory(2);
  h.ledger().balance_ = 100000;
  ASSERT_EQ(h.call("POST", "/deposit/pay", R"({"amount":4})").code, 0);  // deposit 3, another factory
  h.setFactory(1);

  auto r = admin("GET", "/deposits", "{}");
  ASSERT_EQ(r.code, 0) << r.msg;
  auto list = r.data.extract<Poco::JSON::Array::Ptr>();
  ASSERT_EQ(list->size(), 2u);
  auto d = list->getObject(0);
  EXPECT_EQ(d->getValue<Poco::Int64>("id"), 2);
  EXPECT_EQ(d->getValue<Poco::Int64>("userId"), 2);
  EXPECT_EQ(d->getValue<double>("amount"), 8.0);
  EXPECT_EQ(d->getValue<std::string>("status"), "HELD");
  EXPECT_EQ(d->getValue<std::string>("reference"), "deposit:PN9-0");
  EXPECT_EQ(list->getObject(1)->getValue<Poco::Int64>("id"), 1);

  list = admin("GET", "/deposits", R"({"userId":1})").data.extract<Poco::JSON::Array::Ptr>();
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(list->getObject(0)->getValue<std::string>("refCode"), "R-1");
  list = admin("GET", "/deposits", R"({"limit":1,"offset":1})").data.extract<Poco::JSON::Array::Ptr>();
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(list->getObject(0)->getValue<Poco::Int64>("id"), 1);

  ASSERT_EQ(admin("POST", "/deposits/release", R"({"id":1})").code, 0);
  list = admin("GET", "/deposits", R"({"status":"RELEASED"})").data.extract<Poco::JSON::Array::Ptr>();
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(list->getObject(0)->getValue<Poco::Int64>("id"), 1);
  list = admin("GET", "/deposits", R"({"status":"HELD","userId":"2"})").data.extract<Poco::JSON::Array::Ptr>();
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(list->getObject(0)->getValue<Poco::Int64>("id"), 2);
  EXPECT_EQ(admin("GET", "/deposits", R"({"status":"FORFEITED"})").data.extract<Poco::JSON::Array::Ptr>()->size(), 0u);

  // One by id; another factory's is not there.
  r = admin("GET", "/deposits", R"({"id":2})");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(r.data.extract<Poco::JSON::Object::Ptr>()->getValue<double>("amount"), 8.0);
  EXPECT_EQ(refused("GET", "/deposits", R"({"id":3})"), Refusal(700, "押金记录 3 不存在"));
}

TEST_F(DepositAdminRoutesTest, ListRefusesBadFilters) {
  EXPECT_EQ(refused("GET", "/deposits", R"({"status":"FROZEN"})"),
            Refusal(300, "参数 status 格式错误,应为HELD、RELEASED 或 FORFEITED"));
  EXPECT_EQ(refused("GET", "/deposits", R"({"userId":99})"), Refusal(700, "用户 99 不存在"));
  EXPECT_EQ(refused("GET", "/deposits", R"({"userId":0})"), Refusal(300, "参数 userId 格式错误,应为正整数"));
  EXPECT_EQ(refused("GET", "/deposits", R"({"limit":501})"), Refusal(300, "参数 limit 格式错误,应为1 到 500 之间的整数"));
  EXPECT_EQ(refused("GET", "/deposits", R"({"offset":-1})"), Refusal(300, "参数 offset 格式错误,应为非负整数"));
  EXPECT_EQ(refused("GET", "/deposits", R"({"id":"x"})"), Refusal(300, "参数 id 格式错误,应为整数"));
}

TEST_F(DepositAdminRoutesTest, ReleaseGivesTheWholeDepositBackToTheBalance) {
  for (const std::string id : {"1", "2"}) {  // made by /deposit/pay, and by a type 5 step
    const auto r = admin("POST", "/deposits/release", "{\"id\":" + id + "}");
    ASSERT_EQ(r.code, 0) << r.msg;
    const auto d = r.data.extract<Poco::JSON::Object::Ptr>();
    EXPECT_EQ(d->getValue<std::string>("status"), "RELEASED");
    EXPECT_EQ(d->getValue<Poco::Int64>("settledAt"), h.clock().now);
    EXPECT_EQ(d->getValue<double>("forfeitedAmount"), 0.0);
  }
  EXPECT_EQ(state(), "1/RELEASED/0//1714521660000;2/RELEASED/0//1714521660000;1:5000/0/4;2:1000/0/4;");
  const auto& e = h.ledger(2).entries;
  EXPECT_EQ(e[2].currency, "frozen");
  EXPECT_EQ(e[2].amount, -800);
  EXPECT_EQ(e[3].currency, "balance");
  EXPECT_EQ(e[3].amount, 800);
  for (const auto* entry : {&e[2], &e[3]}) {
    EXPECT_EQ(entry->reason, "退还押金");
    EXPECT_EQ(entry->reference, "deposit:PN9-0");  // the freeze's reference
  }
  // The user sees the state.
  h.setUser(2);
  const auto info = h.call("/deposit/info", R"({"id":2})").data.extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(info->getValue<std::string>("status"), "RELEASED");
  EXPECT_EQ(info->getValue<Poco::Int64>("settledAt"), h.clock().now);
}

TEST_F(DepositAdminRoutesTest, ForfeitTakesPartAndGivesTheRestBack) {
  const auto r = admin("POST", "/deposits/forfeit", R"({"id":1,"amount":"5.50","reason":"车辆损坏"})");
  ASSERT_EQ(r.code, 0) << r.msg;
  const auto d = r.data.extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(d->getValue<std::string>("status"), "FORFEITED");
  EXPECT_EQ(d->getValue<double>("forfeitedAmount"), 5.5);
  EXPECT_EQ(d->getValue<std::string>("forfeitReason"), "车辆损坏");
  EXPECT_EQ(state(), "1/FORFEITED/550/车辆损坏/1714521660000;2/HELD/0//0;1:4450/0/5;2:200/800/2;");
  const auto& e = h.ledger(1).entries;
  const std::vector<std::pair<std::string, std::int64_t>> changes{{"frozen", -2000}, {"balance", 2000}, {"balance", -550}};
  for (std::size_t i = 0; i < changes.size(); ++i) {
    EXPECT_EQ(std::make_pair(e[i + 2].currency, e[i + 2].amount), changes[i]);
    EXPECT_EQ(e[i + 2].reason, "扣除押金:车辆损坏");
    EXPECT_EQ(e[i + 2].reference, e[0].reference);
  }
  const auto list = h.call("/deposit/list", "{}").data.extract<Poco::JSON::Array::Ptr>();
  EXPECT_EQ(list->getObject(0)->getValue<std::string>("status"), "FORFEITED");
  EXPECT_EQ(list->getObject(0)->getValue<std::string>("forfeitReason"), "车辆损坏");
}

TEST_F(DepositAdminRoutesTest, ForfeitMayTakeTheWholeDeposit) {
  const auto r = admin("POST", "/deposits/forfeit", R"({"id":2,"amount":8,"reason":"逾期未还"})");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(state(), "1/HELD/0//0;2/FORFEITED/800/逾期未还/1714521660000;1:3000/2000/2;2:200/0/5;");
}

TEST_F(DepositAdminRoutesTest, ForfeitRefusesBadInputAndChangesNothing) {
  const std::string path = "/deposits/forfeit";
  EXPECT_EQ(refused("POST", path, R"({"id":1,"amount":"20.01","reason":"x"})"),
            Refusal(300, "参数 amount 不能超过押金金额 20.00 元"));
  EXPECT_EQ(refused("POST", path, R"({"id":1,"amount":0,"reason":"x"})"),
            Refusal(300, "参数 amount 格式错误,应为大于 0 的金额"));
  EXPECT_EQ(refused("POST", path, R"({"id":1,"amount":"-1","reason":"x"})"),
            Refusal(300, "参数 amount 格式错误,应为不超过两位小数的非负金额"));
  EXPECT_EQ(refused("POST", path, R"({"id":1,"reason":"x"})"), Refusal(300, "缺少参数 amount"));
  EXPECT_EQ(refused("POST", path, R"({"id":1,"amount":1})"), Refusal(300, "缺少参数 reason"));
  EXPECT_EQ(refused("POST", path, R"({"id":1,"amount":1,"reason":""})"), Refusal(300, "缺少参数 reason"));
  EXPECT_EQ(refused("POST", path, R"({"id":1,"amount":1,"reason":")" + std::string(256, 'x') + "\"}"),
            Refusal(300, "参数 reason 不能超过 255 字节"));
  EXPECT_EQ(refused("POST", path, R"({"amount":1,"reason":"x"})"), Refusal(300, "缺少参数 id"));
  EXPECT_EQ(refused("POST", path, R"({"id":99,"amount":1,"reason":"x"})"), Refusal(700, "押金记录 99 不存在"));
  EXPECT_EQ(state(), kBefore);
}

TEST_F(DepositAdminRoutesTest, ReleaseRefusesBadOrUnknownIdsAndChangesNothing) {
  EXPECT_EQ(refused("POST", "/deposits/release", "{}"), Refusal(300, "缺少参数 id"));
  EXPECT_EQ(refused("POST", "/deposits/release", R"({"id":-1})"), Refusal(300, "参数 id 格式错误,应为正整数"));
  EXPECT_EQ(refused("POST", "/deposits/release", R"({"id":99})"), Refusal(700, "押金记录 99 不存在"));
  EXPECT_EQ(state(), kBefore);
}

TEST_F(DepositAdminRoutesTest, ADepositThatIsNotHeldIsRefusedAndNothingChanges) {
  ASSERT_EQ(admin("POST", "/deposits/release", R"({"id":1})").code, 0);
  ASSERT_EQ(admin("POST", "/deposits/forfeit", R"({"id":2,"amount":1,"reason":"损坏"})").code, 0);
  const std::string settled = state();
  EXPECT_EQ(settled, "1/RELEASED/0//1714521660000;2/FORFEITED/100/损坏/1714521660000;1:5000/0/4;2:900/0/5;");
  h.clock().advance(1000);
  EXPECT_EQ(refused("POST", "/deposits/release", R"({"id":1})"), Refusal(409, "押金 1 已退还,不能再退还"));
  EXPECT_EQ(refused("POST", "/deposits/forfeit", R"({"id":1,"amount":1,"reason":"x"})"),
            Refusal(409, "押金 1 已退还,不能再扣除"));
  EXPECT_EQ(refused("POST", "/deposits/release", R"({"id":2})"), Refusal(409, "押金 2 已扣除,不能再退还"));
  EXPECT_EQ(refused("POST", "/deposits/forfeit", R"({"id":2,"amount":1,"reason":"x"})"),
            Refusal(409, "押金 2 已扣除,不能再扣除"));
  EXPECT_EQ(state(), settled);
}

TEST_F(DepositAdminRoutesTest, TheStoreSettlesOnlyAHeldDepositOfItsFactory) {
  // What an admin who read the deposit HELD before another settled it meets.
  DepositStore store(h.session(), 1, h.clock());
  EXPECT_TRUE(store.settle(1, kReleased, 0, ""));
  const std::string settled = state();
  EXPECT_FALSE(store.settle(1, kForfeited, 100, "x"));
  EXPECT_FALSE(store.settle(1, kReleased, 0, ""));
  EXPECT_FALSE(DepositStore(h.session(), 2, h.clock()).settle(2, kReleased, 0, ""));
  EXPECT_EQ(state(), settled);
  EXPECT_EQ(settled, "1/RELEASED/0//1714521660000;2/HELD/0//0;1:3000/2000/2;2:200/800/2;");
}

TEST_F(DepositAdminRoutesTest, AnotherFactorysDepositsAreInvisible) {
  h.setFactory(2);
  EXPECT_EQ(refused("POST", "/deposits/release", R"({"id":1})"), Refusal(700, "押金记录 1 不存在"));
  EXPECT_EQ(refused("POST", "/deposits/forfeit", R"({"id":2,"amount":1,"reason":"x"})"),
            Refusal(700, "押金记录 2 不存在"));
  EXPECT_EQ(refused("GET", "/deposits", R"({"id":1})"), Refusal(700, "押金记录 1 不存在"));
  EXPECT_EQ(admin("GET", "/deposits", "{}").data.extract<Poco::JSON::Array::Ptr>()->size(), 0u);
  EXPECT_EQ(state(), kBefore);
}

TEST_F(DepositAdminRoutesTest, DepositsFrozenBeforeTheStatesAreHeld) {
  // A database at version 2, with a deposit as the module stored it then.
  Poco::Data::SQLite::Connector::registerConnector();
  Poco::Data::Session old("SQLite", ":memory:");
  const auto migrations = DepositModule().migrations();
  for (const auto& m : migrations) {
    if (m.version <= 2) old << m.sqlite, Poco::Data::Keywords::now;
  }
  old << "INSERT INTO deposit_deposits (factory_id, user_id, amount, ref_code, remark, ext_json, status, reference, "
         "created_at) VALUES (1, 1, 300, '', '', '', 'FROZEN', 'deposit:old', 5)",
      Poco::Data::Keywords::now;
  for (const auto& m : migrations) {
    if (m.version > 2) old << m.sqlite, Poco::Data::Keywords::now;
  }
  const auto d = DepositStore(old, 1, h.clock()).find(1);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->status, "HELD");
  EXPECT_EQ(d->amount, 300);
  EXPECT_EQ(d->forfeitedAmount, 0);
  EXPECT_EQ(d->settledAt, 0);
}

TEST_F(DepositAdminRoutesTest, PostgresqlMigrationsRun) {
  if (!h.checkPostgresqlMigrations()) GTEST_SKIP() << "PAYNEXT_TEST_POSTGRESQL is not set";
}

}  // namespace
}  // namespace paynext::plugins::deposit::test
