#include "plugins/jdjingli/expiry_job.h"

#include "jdjingli_test_support.h"

namespace paynext::plugins::jdjingli::test {
namespace {

class ExpiryJobTest : public JdjingliTest {};

TEST_F(ExpiryJobTest, PendingOrdersPastTheirTtlAndTheGraceAreExpired) {
  const auto old = pushOrder("JD1001");
  h.clock().advance(10 * 60000);
  pushOrder("JD1002");
  h.setFactory(2);
  setSecret("factory-two-secret-0123");
  const auto r = push(body("JD2001"), "factory-two-secret-0123");
  ASSERT_EQ(r.code, 0);
  h.setFactory(1);

  // At the ttl the order reads as expired but stays PENDING through the grace.
  h.clock().advance(20 * 60000);
  h.runJob("expire_orders");
  EXPECT_EQ(rows()[0], "1/JD1001/PENDING/1250/0/0/0/0/");
  EXPECT_EQ(refusal([&] { h.validate(8, pay(old)); }), Refusal(300, "京东京励订单 JD1001 已过期,请重新下单"));
  h.clock().advance(kExpiryGraceMs);
  h.runJob("expire_orders");
  // Only this factory's, only those past ttl + grace.
  EXPECT_EQ(rows(), (std::vector<std::string>{"1/JD1001/EXPIRED/1250/0/0/0/0/", "1/JD1002/PENDING/1250/0/0/0/0/",
                                              "2/JD2001/PENDING/1250/0/0/0/0/"}));
  EXPECT_EQ(refusal([&] { h.validate(8, pay(old)); }), Refusal(300, "京东京励订单 JD1001 已过期,请重新下单"));
}

TEST_F(ExpiryJobTest, APaidOrderIsNeverExpired) {
  const auto token = pushOrder("JD1001");
  h.ledger().balance_ = 1250;
  jdAnswers(200);
  ASSERT_EQ(h.execute(8, pay(token)).status, sdk::StepResult::Status::Done);
  h.clock().advance(24 * 3600 * 1000);
  h.runJob("expire_orders");
  EXPECT_EQ(rows()[0].substr(0, 14), "1/JD1001/PAID/");
}

}  // namespace
}  // namespace paynext::plugins::jdjingli::test
