#include "plugins/jdjingli/pay_jd_order_handler.h"

#include <Poco/JSON/Parser.h>

#include "jdjingli_test_support.h"

namespace paynext::plugins::jdjingli::test {
namespace {

using Status = sdk::StepResult::Status;

class PayJdOrderHandlerTest : public JdjingliTest {
 protected:
  void giveCoupon(std::int64_t id, std::int64_t userId, sdk::Fen money, sdk::Fen minAmount = 0) {
    coupons->coupons[id] = MemoryCoupons::Held{userId, money, minAmount, ""};
  }
};

TEST_F(PayJdOrderHandlerTest, ValidateReturnsTheAmountJdPushedInFen) {
  const auto token = pushOrder("JD1001", "12.50");
  EXPECT_EQ(h.validate(8, pay(token)), 1250);
  EXPECT_EQ(h.validate(8, pay(token, R"(,"couponId":"")")), 1250);
  EXPECT_EQ(rows(), std::vector<std::string>{"1/JD1001/PENDING/1250/0/0/0/0/"});
}

TEST_F(PayJdOrderHandlerTest, ACouponTakesItsDiscountOffNeverBelowZero) {
  const auto token = pushOrder("JD1001", "12.50");
  giveCoupon(9908, 1, 500);
  giveCoupon(9909, 1, 2000);
  EXPECT_EQ(h.validate(8, pay(token, R"(,"couponId":9908)")), 750);
  EXPECT_EQ(h.validate(8, pay(token, R"(,"couponId":"9908")")), 750);
  EXPECT_EQ(h.validate(8, pay(token, R"(,"couponId":9909)")), 0);
  // Someone else's coupon, a used one, one whose threshold is not met: the service's refusals.
  giveCoupon(7, 2, 100);
  EXPECT_EQ(refusal([&] { h.validate(8, pay(token, R"(,"couponId":7)")); }), Refusal(20001, "优惠券 7 不存在"));
  giveCoupon(8, 1, 100, 5000);
  EXPECT_EQ(refusal([&] { h.validate(8, pay(token, R"(,"couponId":8)")); }),
            Refusal(20004, "优惠券 8 需满 50.00 元可用"));
  // Without the coupons module the coupon cannot be used.
  h.services().setEnabled("coupons", 1, false);
  EXPECT_EQ(refusal([&] { h.validate(8, pay(token, R"(,"couponId":9908)")); }).first, 300);
  EXPECT_EQ(h.validate(8, pay(token)), 1250);
}

TEST_F(PayJdOrderHandlerTest, ValidateRefusesBadParamsNamingTheField) {
  pushOrder("JD1001");
  EXPECT_EQ(refusal([&] { h.validate(8, "{}"); }), Refusal(300, "缺少参数 token"));
  EXPECT_EQ(refusal([&] { h.validate(8, R"({"token":""})"); }), Refusal(300, "缺少参数 token"));
  EXPECT_EQ(refusal([&] { h.validate(8, R"({"token":[1]})"); }), Refusal(300, "参数 token 格式错误,应为字符串"));
  EXPECT_EQ(refusal([&] { h.validate(8, R"({"token":")" + std::string(65, 'a') + "\"}"); }),
            Refusal(300, "参数 token 不能超过 64 字节"));
  EXPECT_EQ(refusal([&] { h.validate(8, R"({"token":"abc","couponId":"x"})"); }),
            Refusal(300, "参数 couponId 格式错误,应为整数"));
  EXPECT_EQ(refusal([&] { h.validate(8, R"({"token":"abc","couponId":0})"); }),
            Refusal(300, "参数 couponId 格式错误,应为正整数"));
}

TEST_F(PayJdOrderHandlerTest, ValidateRefusesWhatIsNotPayable) {
  EXPECT_EQ(refusal([&] { h.validate(8, pay("nope")); }), Refusal(700, "京东京励订单不存在,请确认 token"));
  const auto token = pushOrder("JD1001");
  // Another factory's order is answered as missing.
  h.setFactory(2);
  EXPECT_EQ(refusal([&] { h.validate(8, pay(token)); }), Refusal(700, "京东京励订单不存在,请确认 token"));
  h.setFactory(1);
  // Expired at its ttl, before the expiry job marks it.
  h.clock().advance(30 * 60000 - 1);
  EXPECT_EQ(h.validate(8, pay(token)), 1250);
  h.clock().advance(1);
  EXPECT_EQ(refusal([&] { h.validate(8, pay(token)); }), Refusal(300, "京东京励订单 JD1001 已过期,请重新下单"));
  // Paid.
  const auto paid = pushOrder("JD1002");
  h.ledger().balance_ = 1250;
  jdAnswers(200);
  ASSERT_EQ(h.execute(8, pay(paid)).status, Status::Done);
  EXPECT_EQ(refusal([&] { h.validate(8, pay(paid)); }), Refusal(300, "京东京励订单 JD1002 已支付,不能重复支付"));
}

TEST_F(PayJdOrderHandlerTest, TheStepTellsJdThenMarksTheOrderPaidAndDebitsTheWallet) {
  const auto token = pushOrder("JD1001", "12.50");
  giveCoupon(9908, 1, 500);
  h.ledger().balance_ = 1000;
  jdAnswers(200);
  h.clock().advance(60000);
  const auto run = h.newPayment();
  const auto r = h.execute(8, pay(token, R"(,"couponId":9908)"), run);
  ASSERT_EQ(r.status, Status::Done) << r.reason;
  EXPECT_EQ(h.ledger().balance_, 250);
  ASSERT_EQ(h.ledger().entries.size(), 1u);
  EXPECT_EQ(h.ledger().entries[0].reason, "支付京东京励订单");
  EXPECT_EQ(h.ledger().entries[0].reference, "jdjingli:JD1001");
  EXPECT_EQ(rows(), std::vector<std::string>{"1/JD1001/PAID/1250/1/9908/500/750/" + run.key});
  EXPECT_EQ(coupons->coupons[9908].usedBy, "jdjingli:" + run.key);

  // JD got one signed call carrying the step's key.
  ASSERT_EQ(h.http().requests.size(), 1u);
  const auto& call = h.http().requests[0];
  EXPECT_EQ(call.method, "POST");
  EXPECT_EQ(call.url, kUrl);
  EXPECT_EQ(call.headers.at("Idempotency-Key"), run.key);
  const std::string ts = call.headers.at("X-Jd-Timestamp");
  EXPECT_EQ(ts, nowSeconds());
  EXPECT_EQ(call.headers.at("X-Jd-Signature"), signatureOf(kSecret, ts, call.body));
  EXPECT_EQ(call.body, R"({"orderNo":"JD1001","token":")" + token +
                           R"(","status":"PAID","amount":"12.50","discount":"5.00","paid":"7.50","couponId":9908,)"
                           R"("outTradeId":")" + run.outTradeId + R"(","idempotencyKey":")" + run.key + R"("})");
}

TEST_F(PayJdOrderHandlerTest, ARepeatedStepChangesNothing) {
  const auto token = pushOrder("JD1001");
  h.ledger().balance_ = 2000;
  jdAnswers(200);
  const auto run = h.newPayment();
  ASSERT_EQ(h.execute(8, pay(token), run).status, Status::Done);
  const auto again = h.execute(8, pay(token), run);
  ASSERT_EQ(again.status, Status::Done) << again.reason;
  EXPECT_TRUE(again.result->getValue<bool>("alreadyPaid"));
  EXPECT_EQ(h.ledger().balance_, 750);
  EXPECT_EQ(h.http().requests.size(), 1u);
  EXPECT_EQ(rows(), std::vector<std::string>{"1/JD1001/PAID/1250/1/0/0/1250/" + run.key});
}

TEST_F(PayJdOrderHandlerTest, ASecondPaymentOfAPaidTokenFailsWithItsMoneyLeftInTheWallet) {
  const auto token = pushOrder("JD1001");
  h.ledger().balance_ = 1250;
  jdAnswers(200);
  const auto first = h.newPayment();
  ASSERT_EQ(h.execute(8, pay(token), first).status, Status::Done);
  h.setUser(2);
  h.ledger().balance_ = 1250;
  const auto r = h.execute(8, pay(token));
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "京东京励订单 JD1001 已支付,不能重复支付");
  EXPECT_EQ(h.ledger().balance_, 1250);
  // The effect checked first: JD heard of the first payment only.
  EXPECT_EQ(h.http().requests.size(), 1u);
  EXPECT_EQ(rows(), std::vector<std::string>{"1/JD1001/PAID/1250/1/0/0/1250/" + first.key});
}

TEST_F(PayJdOrderHandlerTest, ExecuteFailsCleanlyWhenAnotherPaymentWonAfterItsEffect) {
  // Both effects pass (JD hears of both), then one execute wins: the loser fails, its money stays.
  const auto token = pushOrder("JD1001");
  const auto handler = JdjingliModule().actionTypes()[0].handler;
  jdAnswers(200);
  const auto params = h.json(pay(token));
  sdk::ExecuteContext winner{h.scope(), params, 1, "PNA", 0, "PNA-0", h.ledger(), nullptr};
  h.ledger().balance_ = 2500;
  ASSERT_EQ(handler->execute(winner).status, Status::Done);
  h.setUser(2);
  sdk::ExecuteContext loser{h.scope(), params, 2, "PNB", 0, "PNB-0", h.ledger(), nullptr};
  h.ledger().balance_ = 1250;
  const auto r = handler->execute(loser);
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "京东京励订单 JD1001 已支付,不能重复支付");
  EXPECT_EQ(h.ledger().balance_, 1250);
  EXPECT_EQ(rows(), std::vector<std::string>{"1/JD1001/PAID/1250/1/0/0/1250/PNA-0"});
}

TEST_F(PayJdOrderHandlerTest, AResultUrlTheHostRefusesFailsTheStepAtOnce) {
  const auto token = pushOrder("JD1001");
  h.ledger().balance_ = 1250;
  // The host's outbound policy refuses before connecting; retrying cannot help.
  h.http().answer = [](const sdk::HttpRequest&) -> sdk::HttpReply {
    throw sdk::HttpRefused("出站地址 127.0.0.1 不允许:环回地址");
  };
  const auto r = h.execute(8, pay(token), h.newPayment());
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "无法连接京东支付结果地址:出站地址 127.0.0.1 不允许:环回地址");
  EXPECT_EQ(h.ledger().balance_, 1250);
}

TEST_F(PayJdOrderHandlerTest, AnUnusualReasonPhraseIsShownSanitised) {
  const auto token = pushOrder("JD1001");
  h.ledger().balance_ = 1250;
  h.http().answer = [](const sdk::HttpRequest&) {
    sdk::HttpReply reply;
    reply.status = 400;
    reply.reason = "No\x1b[31m";
    return reply;
  };
  const auto r = h.execute(8, pay(token), h.newPayment());
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "京东拒绝支付结果通知(HTTP 400 No?[31m)");
}

TEST_F(PayJdOrderHandlerTest, WhileJdCannotBeReachedOrAnswers5xxTheStepRetries) {
  const auto token = pushOrder("JD1001");
  h.ledger().balance_ = 1250;
  const auto run = h.newPayment();
  // No script: the client throws as an unreachable host does.
  auto r = h.execute(8, pay(token), run);
  EXPECT_EQ(r.status, Status::Retry);
  EXPECT_EQ(r.reason, "无法连接京东支付结果地址:Connection refused");
  jdAnswers(503);
  r = h.execute(8, pay(token), run);
  EXPECT_EQ(r.status, Status::Retry);
  EXPECT_EQ(r.reason, "京东暂时不可用(HTTP 503 Service Unavailable)");
  EXPECT_EQ(h.ledger().balance_, 1250);
  EXPECT_EQ(rows(), std::vector<std::string>{"1/JD1001/PENDING/1250/0/0/0/0/"});
  // JD is back: the same step completes, JD seeing the same key each time.
  jdAnswers(200);
  ASSERT_EQ(h.execute(8, pay(token), run).status, Status::Done);
  ASSERT_EQ(h.http().requests.size(), 3u);
  for (const auto& call : h.http().requests) EXPECT_EQ(call.headers.at("Idempotency-Key"), run.key);
  EXPECT_EQ(h.ledger().balance_, 0);
}

TEST_F(PayJdOrderHandlerTest, ARefusalByJdFailsTheStepAndChangesNothing) {
  const auto token = pushOrder("JD1001");
  h.ledger().balance_ = 1250;
  jdAnswers(400);
  const auto r = h.execute(8, pay(token));
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "京东拒绝支付结果通知(HTTP 400 Bad Request)");
  EXPECT_EQ(h.ledger().balance_, 1250);
  EXPECT_EQ(rows(), std::vector<std::string>{"1/JD1001/PENDING/1250/0/0/0/0/"});
}

TEST_F(PayJdOrderHandlerTest, TheEffectTellsJdNothingAboutAnOrderThatIsNoLongerPayable) {
  const auto token = pushOrder("JD1001");
  h.ledger().balance_ = 1250;
  jdAnswers(200);
  h.clock().advance(30 * 60000);
  const auto r = h.execute(8, pay(token));
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "京东京励订单 JD1001 已过期,请重新下单");
  EXPECT_TRUE(h.http().requests.empty());
  // A coupon used meanwhile, too.
  const auto other = pushOrder("JD1002");
  giveCoupon(9908, 1, 500);
  coupons->coupons[9908].usedBy = "elsewhere";
  const auto used = h.execute(8, pay(other, R"(,"couponId":9908)"));
  EXPECT_EQ(used.status, Status::Fail);
  EXPECT_EQ(used.reason, "优惠券 9908 已使用");
  EXPECT_TRUE(h.http().requests.empty());
  EXPECT_EQ(h.ledger().balance_, 1250);
}

TEST_F(PayJdOrderHandlerTest, ExecuteAcceptsAnOrderWhoseTtlPassedJustAfterItsEffect) {
  const auto token = pushOrder("JD1001");
  const auto handler = JdjingliModule().actionTypes()[0].handler;
  h.ledger().balance_ = 1250;
  h.clock().advance(30 * 60000 + 1000);  // past the ttl, within the expiry job's grace
  sdk::ExecuteContext ctx{h.scope(), h.json(pay(token)), 1, "PNA", 0, "PNA-0", h.ledger(), nullptr};
  ASSERT_EQ(handler->execute(ctx).status, Status::Done);
  EXPECT_EQ(h.ledger().balance_, 0);
}

TEST_F(PayJdOrderHandlerTest, AShortWalletFailsTheStepAndChangesNothing) {
  const auto token = pushOrder("JD1001");
  giveCoupon(9908, 1, 500);
  h.ledger().balance_ = 100;
  jdAnswers(200);
  const auto r = h.execute(8, pay(token, R"(,"couponId":9908)"));
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "余额不足,支付京东京励订单需要 7.50 元");
  EXPECT_EQ(h.ledger().balance_, 100);
  EXPECT_EQ(rows(), std::vector<std::string>{"1/JD1001/PENDING/1250/0/0/0/0/"});
}

}  // namespace
}  // namespace paynext::plugins::jdjingli::test
