#include "core/ledger/wallet_adjustment.h"

#include <gtest/gtest.h>

#include <Poco/JSON/Parser.h>

#include "paynext/sdk/errors.h"
#include "tests/support/core_database.h"

namespace paynext::core::ledger {
namespace {

using namespace Poco::Data::Keywords;

Poco::JSON::Object::Ptr json(const std::string& text) {
  return Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
}

// The field and message parseWalletAdjustment refuses a body with.
std::string refusal(const std::string& body) {
  try {
    parseWalletAdjustment(*json(body));
  } catch (const sdk::ParamError& e) {
    return e.field() + ": " + e.what();
  }
  return "accepted";
}

TEST(WalletAdjustmentParseTest, ReadsSignedAmountsAndTheReason) {
  auto a = parseWalletAdjustment(*json(R"({"balance":"+12.50","points":-10,"reason":"  补偿  "})"));
  EXPECT_EQ(1250, a.balance);
  EXPECT_EQ(-10, a.points);
  EXPECT_EQ("补偿", a.reason);
  a = parseWalletAdjustment(*json(R"({"balance":"-3","reason":"r"})"));
  EXPECT_EQ(-300, a.balance);
  EXPECT_EQ(0, a.points);
  a = parseWalletAdjustment(*json(R"({"points":"25","reason":"r"})"));
  EXPECT_EQ(0, a.balance);
  EXPECT_EQ(25, a.points);
  EXPECT_EQ(10, parseWalletAdjustment(*json(R"({"points":"+10","reason":"r"})")).points);
  EXPECT_EQ(-10, parseWalletAdjustment(*json(R"({"points":"-10","reason":"r"})")).points);
}

TEST(WalletAdjustmentParseTest, RefusesNamingTheField) {
  const std::string badBalance =
      "balance: 参数 balance 格式错误,应为带 + 或 - 号、不超过两位小数的金额(元),如 +12.50 或 -3";
  EXPECT_EQ(badBalance, refusal(R"({"balance":"12.50","reason":"r"})"));
  EXPECT_EQ(badBalance, refusal(R"({"balance":"+1.001","reason":"r"})"));
  EXPECT_EQ(badBalance, refusal(R"({"balance":"-abc","reason":"r"})"));
  EXPECT_EQ(badBalance, refusal(R"({"balance":12.5,"reason":"r"})"));
  EXPECT_EQ(badBalance, refusal(R"({"balance":true,"reason":"r"})"));
  EXPECT_EQ("balance: 参数 balance 不能为 0", refusal(R"({"balance":"+0.00","reason":"r"})"));
  EXPECT_EQ("balance: 参数 balance 不能为 0", refusal(R"({"balance":"-0","reason":"r"})"));
  EXPECT_EQ("points: 参数 points 格式错误,应为整数,如 +10 或 -10", refusal(R"({"points":1.5,"reason":"r"})"));
  EXPECT_EQ("points: 参数 points 格式错误,应为整数,如 +10 或 -10", refusal(R"({"points":"ten","reason":"r"})"));
  // Poco's number parser would skip these; a typo must not change the amount.
  for (const char* bad : {R"("1,5")", R"(" 10")", R"("10 ")", R"("+")", R"("")", R"("--1")", R"(10.0)", R"(true)",
                          R"("1234567890123456789")"}) {
    EXPECT_EQ("points: 参数 points 格式错误,应为整数,如 +10 或 -10",
              refusal(std::string(R"({"points":)") + bad + R"(,"reason":"r"})"))
        << bad;
  }
  EXPECT_EQ("points: 参数 points 不能为 0", refusal(R"({"points":0,"reason":"r"})"));
  EXPECT_EQ("points: 参数 points 不能为 0", refusal(R"({"balance":"+1","points":0,"reason":"r"})"));
  EXPECT_EQ("points: 参数 points 超出范围", refusal(R"({"points":100000000000000001,"reason":"r"})"));
  EXPECT_EQ("balance: 缺少参数 balance 或 points(至少调整一项)", refusal(R"({"reason":"r"})"));
  EXPECT_EQ("balance: 缺少参数 balance 或 points(至少调整一项)", refusal(R"({"balance":null,"reason":"r"})"));
  EXPECT_EQ("reason: 缺少参数 reason", refusal(R"({"balance":"+1"})"));
  EXPECT_EQ("reason: 缺少参数 reason", refusal(R"({"balance":"+1","reason":"   "})"));
  EXPECT_EQ("reason: 参数 reason 不能超过 255 字节",
            refusal(R"({"balance":"+1","reason":")" + std::string(256, 'x') + "\"}"));
  EXPECT_EQ("balanse: 未知参数 balanse,只能是 balance、points 或 reason",
            refusal(R"({"balanse":"+1","points":5,"reason":"r"})"));
}

class WalletAdjustmentTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db().transaction([](Poco::Data::Session& s) {
      s << "INSERT INTO factories (id, name, title, created_at) VALUES (1, 'f', 'F', 0), (2, 'g', 'G', 0)", now;
      s << "INSERT INTO users (id, factory_id, mobile, password_hash, password_salt, created_at) "
           "VALUES (10, 1, '13800000000', 'h', 's', 0), (20, 2, '13800000000', 'h', 's', 0)",
          now;
      s << "INSERT INTO wallets (user_id, factory_id, balance, points, total_consumed) "
           "VALUES (10, 1, 1000, 50, 7), (20, 2, 0, 0, 0)",
          now;
    });
  }
  storage::Database& db() { return cdb_.db(); }
  AppliedAdjustment apply(std::int64_t factory, std::int64_t user, sdk::Fen balance, std::int64_t points) {
    return db().transaction([&](Poco::Data::Session& s) {
      return applyWalletAdjustment(s, factory, user, "root", WalletAdjustment{balance, points, "补偿"});
    });
  }
  // Everything an adjustment may change.
  std::string state() {
    auto s = db().session();
    std::string out;
    s << "SELECT group_concat(user_id || ':' || balance || '/' || points || '/' || total_consumed) FROM wallets",
        into(out), now;
    std::int64_t entries = 0, adjustments = 0;
    s << "SELECT COUNT(*) FROM ledger_entries", into(entries), now;
    s << "SELECT COUNT(*) FROM wallet_adjustments", into(adjustments), now;
    return out + " entries=" + std::to_string(entries) + " adjustments=" + std::to_string(adjustments);
  }
  void expectRefused(std::int64_t factory, std::int64_t user, sdk::Fen balance, std::int64_t points, int code,
                     const std::string& message) {
    const std::string before = state();
    try {
      apply(factory, user, balance, points);
      ADD_FAILURE() << "accepted " << balance << " " << points;
    } catch (const sdk::Error& e) {
      EXPECT_EQ(code, e.code());
      EXPECT_EQ(message, e.what());
    }
    EXPECT_EQ(before, state());
  }
  paynext::testing::CoreDatabase cdb_;
};

TEST_F(WalletAdjustmentTest, CreditsAndDebitsWithOneReferenceAndLeavesConsumptionAlone) {
  auto a = apply(1, 10, 1250, -20);
  EXPECT_EQ(1, a.id);
  EXPECT_EQ("admin:root:1", a.reference);
  EXPECT_EQ(1000, a.before.balance);
  EXPECT_EQ(50, a.before.points);
  EXPECT_EQ(2250, a.after.balance);
  EXPECT_EQ(30, a.after.points);
  EXPECT_EQ(7, a.after.totalConsumed);
  auto s = db().session();
  std::string entries;
  s << "SELECT group_concat(currency || ' ' || amount || ' ' || balance_after || ' ' || reason || ' ' || reference "
       "|| ' ' || origin, ';') FROM ledger_entries",
      into(entries), now;
  EXPECT_EQ("balance 1250 2250 补偿 admin:root:1 admin:root:1;points -20 30 补偿 admin:root:1 admin:root:1", entries);
  std::string row;
  s << "SELECT factory_id || ' ' || user_id || ' ' || admin || ' ' || balance || ' ' || points || ' ' || reason "
       "FROM wallet_adjustments",
      into(row), now;
  EXPECT_EQ("1 10 root 1250 -20 补偿", row);

  EXPECT_EQ("admin:root:2", apply(1, 10, -2250, 0).reference);
  EXPECT_EQ("10:0/30/7,20:0/0/0 entries=3 adjustments=2", state());
}

TEST_F(WalletAdjustmentTest, NeverBelowZeroAndNothingChanged) {
  expectRefused(1, 10, -1001, 0, 409, "余额不足:现有 10.00 元,不能扣减 10.01 元");
  expectRefused(1, 10, 0, -51, 409, "积分不足:现有 50 积分,不能扣减 51 积分");
  // The credit in the same adjustment is not made either.
  expectRefused(1, 10, 500, -51, 409, "积分不足:现有 50 积分,不能扣减 51 积分");
  expectRefused(1, 10, -1001, 10, 409, "余额不足:现有 10.00 元,不能扣减 10.01 元");
  EXPECT_EQ("admin:root:1", apply(1, 10, -1000, -50).reference);  // exactly to zero is fine
}

TEST_F(WalletAdjustmentTest, UnknownUserAndUserOfAnotherFactoryAreNotFound) {
  expectRefused(1, 99, 100, 0, 404, "用户 99 不存在");
  expectRefused(1, 20, 100, 0, 404, "用户 20 不存在");
  expectRefused(2, 10, 0, 5, 404, "用户 10 不存在");
}

TEST_F(WalletAdjustmentTest, TotalsPastTheMaximumAreRefused) {
  expectRefused(1, 10, sdk::kMaxFen - 999, 0, 409, "调整后余额超出上限");
  expectRefused(1, 10, 0, kMaxPoints - 49, 409, "调整后积分超出上限");
  EXPECT_EQ(sdk::kMaxFen, apply(1, 10, sdk::kMaxFen - 1000, 0).after.balance);
}

TEST_F(WalletAdjustmentTest, LedgerRefusesToGoBelowZeroItself) {
  // The ledger's own guard, for a change that raced past the check.
  EXPECT_THROW(db().transaction([](Poco::Data::Session& s) { WalletLedger(s, 1, 10).adjustBalance(-1001, "x", "y"); }),
               sdk::InsufficientFunds);
  EXPECT_THROW(db().transaction([](Poco::Data::Session& s) { WalletLedger(s, 1, 10).adjustPoints(-51, "x", "y"); }),
               sdk::Error);
  auto s = db().session();
  EXPECT_THROW(WalletLedger(s, 1, 10).adjustPoints(0, "x", "y"), std::invalid_argument);
  EXPECT_EQ("10:1000/50/7,20:0/0/0 entries=0 adjustments=0", state());
}

}  // namespace
}  // namespace paynext::core::ledger
