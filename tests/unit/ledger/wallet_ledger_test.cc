#include "core/ledger/wallet_ledger.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/testing/harness.h"
#include "tests/support/core_database.h"

namespace paynext::core::ledger {
namespace {

using namespace Poco::Data::Keywords;
using Refusal = std::pair<int, std::string>;

class WalletLedgerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db().transaction([](Poco::Data::Session& s) {
      s << "INSERT INTO factories (id, name, title, created_at) VALUES (1, 'f', 'F', 0), (2, 'g', 'G', 0)", now;
      s << "INSERT INTO users (id, factory_id, mobile, password_hash, password_salt, created_at) "
           "VALUES (10, 1, '13800000000', 'h', 's', 0)",
          now;
      s << "INSERT INTO wallets (user_id, factory_id, balance) VALUES (10, 1, 1000)", now;
    });
  }
  storage::Database& db() { return cdb_.db(); }
  // The refusal (code, message) of a change to user 10's wallet in `factory`,
  // in a transaction of its own.
  template <typename Change>
  Refusal refused(std::int64_t factory, Change&& change) {
    return sdk::testing::refusal([&] {
      db().transaction([&](Poco::Data::Session& s) {
        WalletLedger w(s, factory, 10);
        change(w);
      });
    });
  }
  std::int64_t entries() {
    auto s = db().session();
    std::int64_t n = 0;
    s << "SELECT COUNT(*) FROM ledger_entries", into(n), now;
    return n;
  }
  paynext::testing::CoreDatabase cdb_;
};

TEST_F(WalletLedgerTest, DebitWritesEntryWithBalanceAfter) {
  db().transaction([](Poco::Data::Session& s) { WalletLedger(s, 1, 10).debit(250, "支付商城订单", "orders:1"); });
  auto s = db().session();
  WalletLedger w(s, 1, 10);
  EXPECT_EQ(750, w.balance());
  EXPECT_EQ(250, w.amounts().totalConsumed);
  std::string currency, reason, ref;
  std::int64_t amount = 0, after = 0;
  s << "SELECT currency, amount, balance_after, reason, reference FROM ledger_entries", into(currency), into(amount),
      into(after), into(reason), into(ref), now;
  EXPECT_EQ("balance", currency);
  EXPECT_EQ(-250, amount);
  EXPECT_EQ(750, after);
  EXPECT_EQ("支付商城订单", reason);
  EXPECT_EQ("orders:1", ref);
}

TEST_F(WalletLedgerTest, OverdraftIsRefusedAndChangesNothing) {
  try {
    db().transaction([](Poco::Data::Session& s) { WalletLedger(s, 1, 10).debit(1001, "x", "y"); });
    FAIL();
  } catch (const sdk::InsufficientFunds& e) {
    EXPECT_STREQ("余额不足", e.what());
  }
  auto s = db().session();
  EXPECT_EQ(1000, WalletLedger(s, 1, 10).balance());
  EXPECT_EQ(0, entries());
}

TEST_F(WalletLedgerTest, OtherFactoryCannotTouchTheWallet) {
  EXPECT_THROW(db().transaction([](Poco::Data::Session& s) { WalletLedger(s, 2, 10).debit(1, "x", "y"); }),
               sdk::InsufficientFunds);
  auto s = db().session();
  EXPECT_EQ(1000, WalletLedger(s, 1, 10).balance());
}

TEST_F(WalletLedgerTest, FreezeMovesBalanceToFrozenAndBack) {
  db().transaction([](Poco::Data::Session& s) { WalletLedger(s, 1, 10).freeze(300, "支付押金", "d1"); });
  {
    auto s = db().session();
    auto a = WalletLedger(s, 1, 10).amounts();
    EXPECT_EQ(700, a.balance);
    EXPECT_EQ(300, a.frozen);
    EXPECT_EQ(0, a.totalConsumed);
  }
  EXPECT_EQ(2, entries());
  db().transaction([](Poco::Data::Session& s) { WalletLedger(s, 1, 10).unfreeze(300, "退押金", "d1"); });
  auto s = db().session();
  EXPECT_EQ(1000, WalletLedger(s, 1, 10).balance());
  EXPECT_EQ(0, WalletLedger(s, 1, 10).frozen());
}

TEST_F(WalletLedgerTest, FreezingMoreThanTheBalanceOrUnfreezingMoreThanIsFrozenChangesNothing) {
  db().transaction([](Poco::Data::Session& s) { WalletLedger(s, 1, 10).freeze(300, "支付押金", "d1"); });
  EXPECT_EQ(refused(1, [](WalletLedger& w) { w.freeze(701, "x", "y"); }),
            Refusal(sdk::InsufficientFunds::kCode, "余额不足"));
  EXPECT_EQ(refused(1, [](WalletLedger& w) { w.unfreeze(301, "x", "y"); }),
            Refusal(sdk::InsufficientFunds::kCode, "冻结金额不足"));
  auto s = db().session();
  const auto a = WalletLedger(s, 1, 10).amounts();
  EXPECT_EQ(700, a.balance);
  EXPECT_EQ(300, a.frozen);
  EXPECT_EQ(2, entries());
}

// Each entry carries the total its own update returned, per currency.
TEST_F(WalletLedgerTest, EntriesRecordTheTotalsAfterEachChange) {
  db().transaction([](Poco::Data::Session& s) {
    WalletLedger w(s, 1, 10);
    w.freeze(300, "支付押金", "d1");
    w.credit(50, "充值", "c1");
    w.unfreeze(100, "退押金", "d1");
  });
  auto s = db().session();
  std::vector<std::string> currencies;
  std::vector<std::int64_t> amounts, afters;
  s << "SELECT currency, amount, balance_after FROM ledger_entries ORDER BY id", into(currencies), into(amounts),
      into(afters), now;
  EXPECT_EQ((std::vector<std::string>{"balance", "frozen", "balance", "frozen", "balance"}), currencies);
  EXPECT_EQ((std::vector<std::int64_t>{-300, 300, 50, -100, 100}), amounts);
  EXPECT_EQ((std::vector<std::int64_t>{700, 300, 750, 200, 850}), afters);
  EXPECT_EQ(0, WalletLedger(s, 1, 10).amounts().totalConsumed);
}

// Wallets are made with their users: none in this factory means no such user.
TEST_F(WalletLedgerTest, CreditToAUserWithoutAWalletIsRefusedAndRecordsNothing) {
  EXPECT_EQ(refused(2, [](WalletLedger& w) { w.credit(5, "x", "y"); }), Refusal(sdk::codes::kNoData, "用户 10 不存在"));
  EXPECT_EQ(0, entries());
  auto s = db().session();
  EXPECT_EQ(1000, WalletLedger(s, 1, 10).balance());
}

TEST_F(WalletLedgerTest, PointsHaveTheirOwnEntries) {
  db().transaction([](Poco::Data::Session& s) { WalletLedger(s, 1, 10).creditPoints(50, "签到", "p"); });
  try {
    db().transaction([](Poco::Data::Session& s) { WalletLedger(s, 1, 10).debitPoints(51, "兑换", "q"); });
    FAIL();
  } catch (const sdk::Error& e) {
    EXPECT_EQ(sdk::codes::kNotEnoughPoints, e.code());
    EXPECT_STREQ("积分不足", e.what());
  }
  auto s = db().session();
  EXPECT_EQ(50, WalletLedger(s, 1, 10).points());
  EXPECT_EQ(1, entries());
}

TEST_F(WalletLedgerTest, NonPositiveAmountsAreProgrammingErrors) {
  auto s = db().session();
  WalletLedger w(s, 1, 10);
  EXPECT_THROW(w.debit(0, "x", "y"), std::invalid_argument);
  EXPECT_THROW(w.credit(-5, "x", "y"), std::invalid_argument);
}

}  // namespace
}  // namespace paynext::core::ledger
