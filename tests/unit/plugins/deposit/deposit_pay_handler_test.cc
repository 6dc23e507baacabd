#include "plugins/deposit/deposit_pay_handler.h"

#include "deposit_test_support.h"

namespace paynext::plugins::deposit::test {
namespace {

using Status = sdk::StepResult::Status;
using Refusal = std::pair<int, std::string>;

class DepositPayHandlerTest : public DepositTest {};

TEST_F(DepositPayHandlerTest, ValidateReturnsTheAmount) {
  EXPECT_EQ(h.validate(5, R"({"amount":100})"), 10000);
  EXPECT_EQ(h.validate(5, R"({"amount":"0.01"})"), 1);
  EXPECT_EQ(h.validate(5, R"({"amount":12.5,"refCode":"B-1","remark":"租车","extJsonStr":"{\"car\":7}"})"), 1250);
  EXPECT_EQ(h.validate(5, R"({"amount":1,"extJsonStr":{"car":7}})"), 100);
  EXPECT_TRUE(rows().empty());
}

TEST_F(DepositPayHandlerTest, ValidateRefusesBadParamsNamingTheField) {
  EXPECT_EQ(refusal([&] { h.validate(5, "{}"); }), Refusal(300, "缺少参数 amount"));
  EXPECT_EQ(refusal([&] { h.validate(5, R"({"amount":0})"); }), Refusal(300, "参数 amount 格式错误,应为大于 0 的金额"));
  EXPECT_EQ(refusal([&] { h.validate(5, R"({"amount":"-5"})"); }),
            Refusal(300, "参数 amount 格式错误,应为不超过两位小数的非负金额"));
  EXPECT_EQ(refusal([&] { h.validate(5, R"({"amount":"1.001"})"); }),
            Refusal(300, "参数 amount 格式错误,应为不超过两位小数的非负金额"));
  EXPECT_EQ(refusal([&] { h.validate(5, R"({"amount":1,"extJsonStr":"{car:7"})"); }),
            Refusal(300, "参数 extJsonStr 格式错误,应为JSON 格式的数据"));
  EXPECT_EQ(refusal([&] { h.validate(5, R"({"amount":1,"extJsonStr":true})"); }),
            Refusal(300, "参数 extJsonStr 格式错误,应为JSON 格式的数据"));
  EXPECT_EQ(refusal([&] { h.validate(5, R"({"amount":1,"refCode":{"a":1}})"); }),
            Refusal(300, "参数 refCode 格式错误,应为字符串"));
  EXPECT_EQ(refusal([&] { h.validate(5, R"({"amount":1,"refCode":")" + std::string(65, 'x') + "\"}"); }),
            Refusal(300, "参数 refCode 不能超过 64 字节"));
  EXPECT_EQ(refusal([&] { h.validate(5, R"({"amount":1,"remark":")" + std::string(256, 'x') + "\"}"); }),
            Refusal(300, "参数 remark 不能超过 255 字节"));
  EXPECT_TRUE(rows().empty());
}

TEST_F(DepositPayHandlerTest, ExecuteFreezesTheAmountAndRecordsTheDeposit) {
  h.ledger().balance_ = 20000;
  h.clock().advance(60000);
  const auto r = h.execute(5, R"({"amount":"150.5","refCode":"B-1","remark":"租车","extJsonStr":"{\"car\": 7, \"a\":1}"})",
                           "step-9-1");
  ASSERT_EQ(r.status, Status::Done) << r.reason;
  EXPECT_EQ(h.ledger().balance_, 4950);
  EXPECT_EQ(h.ledger().frozen_, 15050);
  ASSERT_EQ(h.ledger().entries.size(), 2u);
  for (const auto& e : h.ledger().entries) {
    EXPECT_EQ(e.reason, "支付押金");
    EXPECT_EQ(e.reference, "deposit:step-9-1");
  }
  EXPECT_EQ(rows(), std::vector<std::string>{"1/1/15050/B-1/租车/{\"car\":7,\"a\":1}/HELD/deposit:step-9-1"});
  ASSERT_TRUE(r.result);
  EXPECT_EQ(r.result->getValue<Poco::Int64>("depositId"), 1);
  // Stamped with the host's clock.
  const auto info = h.call("/deposit/info", R"({"id":1})");
  ASSERT_EQ(info.code, 0) << info.msg;
  EXPECT_EQ(info.data.extract<Poco::JSON::Object::Ptr>()->getValue<Poco::Int64>("createdAt"), h.clock().now);
}

TEST_F(DepositPayHandlerTest, ExecuteOptionalFieldsMayBeLeftOut) {
  h.ledger().balance_ = 100;
  ASSERT_EQ(h.execute(5, R"({"amount":1})", "k").status, Status::Done);
  EXPECT_EQ(rows(), std::vector<std::string>{"1/1/100////HELD/deposit:k"});
}

TEST_F(DepositPayHandlerTest, ExecuteTwiceForOneStepFreezesOnce) {
  h.ledger().balance_ = 1000;
  ASSERT_EQ(h.execute(5, R"({"amount":3})", "same").status, Status::Done);
  ASSERT_EQ(h.execute(5, R"({"amount":3})", "same").status, Status::Done);
  EXPECT_EQ(h.ledger().frozen_, 300);
  EXPECT_EQ(rows().size(), 1u);
}

TEST_F(DepositPayHandlerTest, ExecuteFailsWhenTheWalletIsShortAndChangesNothing) {
  h.ledger().balance_ = 999;
  const auto r = h.execute(5, R"({"amount":10})");
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "余额不足,无法冻结押金 10.00 元");
  EXPECT_EQ(h.ledger().balance_, 999);
  EXPECT_EQ(h.ledger().frozen_, 0);
  EXPECT_TRUE(h.ledger().entries.empty());
  EXPECT_TRUE(rows().empty());
}

TEST_F(DepositPayHandlerTest, ExecuteFailsOnBadParams) {
  h.ledger().balance_ = 999;
  const auto r = h.execute(5, R"({"amount":1,"extJsonStr":"nope"})");
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "参数 extJsonStr 格式错误,应为JSON 格式的数据");
  EXPECT_TRUE(h.ledger().entries.empty());
  EXPECT_TRUE(rows().empty());
}

TEST_F(DepositPayHandlerTest, ModuleDeclaresTypeFive) {
  DepositModule module;
  EXPECT_EQ(module.name(), "deposit");
  EXPECT_EQ(module.title(), "押金");
  EXPECT_EQ(module.version(), "1.0.0");
  const auto types = module.actionTypes();
  ASSERT_EQ(types.size(), 1u);
  EXPECT_EQ(types[0].code, 5);
  EXPECT_EQ(types[0].title, "支付押金");
  EXPECT_EQ(types[0].params.size(), 4u);
  for (const auto& m : module.migrations()) {
    EXPECT_FALSE(m.sqlite.empty());
    EXPECT_FALSE(m.postgresql.empty());
  }
}

}  // namespace
}  // namespace paynext::plugins::deposit::test
