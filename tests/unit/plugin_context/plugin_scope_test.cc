#include "core/plugin_context/plugin_scope.h"

#include <gtest/gtest.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/testing/harness.h"
#include "tests/support/core_database.h"

namespace paynext::core::plugin_context {
namespace {

using namespace Poco::Data::Keywords;
using sdk::testing::refusal;
using Refusal = std::pair<int, std::string>;

// Two factories, f (id 1, users 10 and 11) and g (id 2, user 20).
class PluginScopeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db().transaction([](Poco::Data::Session& s) {
      s << "INSERT INTO factories (id, name, title, created_at) VALUES (1, 'f', 'F', 0), (2, 'g', 'G', 0)", now;
      s << "INSERT INTO users (id, factory_id, mobile, password_hash, password_salt, nick, created_at) VALUES "
           "(10, 1, '13812345678', 'h', 's', '小明', 0), (11, 1, '13900000001', 'h', 's', '', 0), "
           "(20, 2, '13700000000', 'h', 's', '别家', 0)",
          now;
      s << "INSERT INTO wallets (user_id, factory_id, balance) VALUES (10, 1, 500), (11, 1, 0), (20, 2, 900)", now;
    });
  }
  storage::Database& db() { return cdb_.db(); }
  std::int64_t balance(std::int64_t user) {
    auto s = db().session();
    std::int64_t b = 0;
    s << "SELECT balance FROM wallets WHERE user_id = $1", bind(user), into(b), now;
    return b;
  }

  paynext::testing::CoreDatabase cdb_;
  plugin_host::ModuleRegistry registry_;
  ServiceDirectory services_{registry_};
};

TEST(MaskMobileTest, KeepsTheFirstThreeAndLastFourDigits) {
  EXPECT_EQ("138****5678", maskMobile("13812345678"));
  EXPECT_EQ("123****4567", maskMobile("1234567"));
  EXPECT_EQ("****56", maskMobile("123456"));
  EXPECT_EQ("**", maskMobile("12"));
}

TEST_F(PluginScopeTest, UsersFindsOnlyTheFactorysOwn) {
  auto s = db().session();
  PluginScope scope(services_, s, 1, "f", 10, "m");
  const auto me = scope.scope().users.find(10);
  ASSERT_TRUE(me);
  EXPECT_EQ(10, me->id);
  EXPECT_EQ("小明", me->nickname);
  EXPECT_EQ("138****5678", me->maskedMobile);
  EXPECT_FALSE(scope.scope().users.find(20)) << "a user of factory g";
  EXPECT_FALSE(scope.scope().users.find(99));
}

TEST_F(PluginScopeTest, WalletsCreditAnotherUserOfTheFactoryInTheCallersTransaction) {
  db().transaction([&](Poco::Data::Session& s) {
    PluginScope scope(services_, s, 1, "f", 10, "m", "PN1-0");
    scope.scope().wallets.of(10).debit(300, "卖图", "sale:1");
    scope.scope().wallets.of(11).credit(270, "卖家分成", "sale:1");
  });
  EXPECT_EQ(200, balance(10));
  EXPECT_EQ(270, balance(11));
  auto s = db().session();
  std::vector<std::string> origins;
  s << "SELECT origin FROM ledger_entries WHERE user_id = 11", into(origins), now;
  EXPECT_EQ(std::vector<std::string>{"PN1-0"}, origins);
}

TEST_F(PluginScopeTest, WalletsRefuseUsersOfOtherFactoriesAndNeverGoBelowZero) {
  db().transaction([&](Poco::Data::Session& s) {
    PluginScope scope(services_, s, 1, "f", 10, "m");
    EXPECT_EQ(refusal([&] { scope.scope().wallets.of(20); }), Refusal(700, "用户 20 不存在"));
    EXPECT_EQ(refusal([&] { scope.scope().wallets.of(0); }), Refusal(700, "用户 0 不存在"));
    EXPECT_THROW(scope.scope().wallets.of(11).debit(1, "x", "y"), sdk::InsufficientFunds);
  });
  EXPECT_EQ(900, balance(20));
  EXPECT_EQ(0, balance(11));
}

// The payer's wallet is the one wallets.of() gives, reached without a look-up;
// it stays of the scope's factory.
TEST_F(PluginScopeTest, ThePayersLedgerIsTheScopeUsersWalletOfTheFactory) {
  db().transaction([&](Poco::Data::Session& s) {
    PluginScope scope(services_, s, 1, "f", 10, "m", "PN1-0");
    EXPECT_EQ(&scope.payerLedger(), &scope.scope().wallets.of(10));
    scope.payerLedger().debit(120, "支付押金", "d:1");
  });
  EXPECT_EQ(380, balance(10));
  EXPECT_EQ(900, balance(20));
  // User 20 is of factory 2: from factory 1's scope its wallet is not there.
  try {
    db().transaction([&](Poco::Data::Session& s) {
      PluginScope scope(services_, s, 1, "f", 20, "m");
      scope.payerLedger().credit(5, "x", "y");
    });
    FAIL();
  } catch (const sdk::Error& e) {
    EXPECT_EQ(Refusal(700, "用户 20 不存在"), Refusal(e.code(), e.what()));
  }
  EXPECT_EQ(900, balance(20));
}

TEST_F(PluginScopeTest, ConfigAndClockAreTheHosts) {
  db().transaction([&](Poco::Data::Session& s) {
    s << "INSERT INTO factory_config (factory_id, key, value, updated_at) VALUES (1, 'K', 'v', 0)", now;
    PluginScope scope(services_, s, 1, "f", 0, "m");
    EXPECT_EQ(std::optional<std::string>("v"), scope.scope().config.get("K"));
    const auto before = nowMs();
    clockOffsetMs() = 86400000;
    const auto moved = scope.scope().clock.nowMs();
    clockOffsetMs() = 0;
    EXPECT_GE(moved, before + 86400000);
  });
}

}  // namespace
}  // namespace paynext::core::plugin_context
