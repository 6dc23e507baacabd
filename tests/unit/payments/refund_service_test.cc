// The points part of a refund, which needs no channel: a points-only payment.
#include "core/payments/refund_service.h"

#include <gtest/gtest.h>
#include <Poco/Data/Session.h>

#include "paynext/sdk/errors.h"
#include "tests/unit/payments/payment_services.h"

namespace paynext::core::payments {
namespace {

using namespace Poco::Data::Keywords;

const std::string kOut = "PN20260101000000points000000001";

class RefundServiceTest : public ::testing::Test {
 protected:
  RefundServiceTest() {
    factory_ = factories_.create("f1", "工厂");
    Poco::Data::Session s = cdb_.db().session();
    s << "INSERT INTO users (factory_id, mobile, password_hash, password_salt, created_at) VALUES ($1, '13800000000', "
         "'h', 's', 0)",
        use(factory_.id), now;
    // 100 points paid at 3 fen each, converted into the wallet (3.00).
    s << "INSERT INTO wallets (user_id, factory_id, balance) VALUES (1, $1, 300)", use(factory_.id), now;
    s << "INSERT INTO payments (factory_id, user_id, out_trade_id, channel, amount, points, points_fen, status, "
         "created_at) VALUES ($1, 1, $2, 'points', 0, 100, 300, 'PAID', 0)",
        use(factory_.id), bind(kOut), now;
  }

  RefundRequest request(sdk::Fen amount, std::int64_t points) {
    RefundRequest r;
    r.outTradeId = kOut;
    r.amount = amount;
    r.points = points;
    r.reason = "r";
    r.actor = "admin";
    return r;
  }
  std::string refused(const RefundRequest& r) {
    try {
      refunds_.refund(factory_, r);
    } catch (const sdk::Error& e) {
      return std::to_string(e.code()) + " " + e.what();
    }
    return "accepted";
  }
  std::int64_t wallet(const std::string& column) {
    Poco::Data::Session s = cdb_.db().session();
    std::int64_t v = 0;
    s << "SELECT " + column + " FROM wallets", into(v), now;
    return v;
  }

  testing::PaymentServices parts_;
  paynext::testing::CoreDatabase& cdb_ = parts_.cdb;
  tenancy::FactoryStore& factories_ = parts_.factories;
  RefundService& refunds_ = parts_.refunds;
  tenancy::Factory factory_;
};

TEST_F(RefundServiceTest, PointsGoBackAndTheirWorthLeavesTheWalletAtOnce) {
  auto first = refunds_.refund(factory_, request(0, 33));
  EXPECT_TRUE(first.created);
  EXPECT_EQ("SUCCESS", first.refund.status);  // no channel to ask
  EXPECT_EQ(99, first.refund.pointsFen);      // 33 of 100 points worth 300 fen
  EXPECT_EQ(33, wallet("points"));
  EXPECT_EQ(201, wallet("balance"));
  // The last part takes what is left of the worth, so the parts add up exactly.
  auto rest = refunds_.refund(factory_, request(0, 67));
  EXPECT_EQ(201, rest.refund.pointsFen);
  EXPECT_EQ(100, wallet("points"));
  EXPECT_EQ(0, wallet("balance"));
}

TEST_F(RefundServiceTest, TheWalletMustCoverThePointsWorth) {
  Poco::Data::Session s = cdb_.db().session();
  s << "UPDATE wallets SET balance = 50", now;
  EXPECT_EQ("409 钱包余额不足以退款:需要 3.00 元,余额 0.50 元,还差 2.50 元;请先用模块的取消或退还把钱退回钱包",
            refused(request(0, 100)));
  EXPECT_EQ(0, wallet("points"));
  EXPECT_EQ(50, wallet("balance"));
}

TEST_F(RefundServiceTest, NothingBeyondWhatWasPaid) {
  EXPECT_EQ("409 退款金额 0.01 元超过可退金额 0.00 元", refused(request(1, 0)));
  EXPECT_EQ("409 退回积分 101 超过可退积分 100", refused(request(0, 101)));
  EXPECT_EQ("300 参数 amount 与 points 至少一项大于 0", refused(request(0, 0)));
  EXPECT_EQ(0, wallet("points"));
  EXPECT_EQ(300, wallet("balance"));
}

}  // namespace
}  // namespace paynext::core::payments
