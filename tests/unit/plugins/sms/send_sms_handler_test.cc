#include "plugins/sms/send_sms_handler.h"

#include "sms_test_support.h"

namespace paynext::plugins::sms::test {
namespace {

using Status = sdk::StepResult::Status;
using Refusal = std::pair<int, std::string>;

class SendSmsHandlerTest : public SmsTest {
 protected:
  std::string params(std::int64_t smsId, const std::string& postJson = R"({"code":1234,"product":"参数2"})",
                     const std::string& mobile = "\"13500000000\"") {
    return "{\"smsId\":" + std::to_string(smsId) + ",\"mobile\":" + mobile + ",\"postJsonString\":" + postJson + "}";
  }
};

TEST_F(SendSmsHandlerTest, ValidateAcceptsANormalSettingAndNeedsNoMoney) {
  const auto id = addSetting();
  EXPECT_EQ(h.validate(2, params(id)), 0);
  EXPECT_EQ(h.validate(2, params(id, R"("{\"code\":\"1234\"}")")), 0);
  EXPECT_EQ(h.validate(2, params(id, "{}", "13500000000")), 0);
  EXPECT_TRUE(provider.requests().empty());
}

TEST_F(SendSmsHandlerTest, ValidateRefusesASettingTheFactoryDoesNotHave) {
  const auto elsewhere = addSetting(kNormal, 2);
  EXPECT_EQ(refusal([&] { h.validate(2, params(999)); }), Refusal(700, "短信设置 999 不存在"));
  EXPECT_EQ(refusal([&] { h.validate(2, params(elsewhere)); }),
            Refusal(700, "短信设置 " + std::to_string(elsewhere) + " 不存在"));
}

TEST_F(SendSmsHandlerTest, ValidateRefusesAVerifyCodeSetting) {
  const auto id = addSetting(kVerify);
  EXPECT_EQ(refusal([&] { h.validate(2, params(id)); }),
            Refusal(300, "短信设置 " + std::to_string(id) +
                             " 是验证码类型,不能用于发送短信,请使用类型为“普通短信”的短信设置"));
}

TEST_F(SendSmsHandlerTest, ValidateRefusesASettingWithoutAnHttpProvider) {
  const auto id = addSetting(kNormal, 1, "ftp://sms.example/send");
  EXPECT_EQ(refusal([&] { h.validate(2, params(id)); }),
            Refusal(300, "短信设置 " + std::to_string(id) + " 的服务商地址不是有效的 http:// 或 https:// 地址"));
  EXPECT_EQ(h.validate(2, params(addSetting(kNormal, 1, "https://sms.example/send"))), 0);
}

TEST_F(SendSmsHandlerTest, ValidateRefusesBadParamsNamingTheField) {
  const auto id = addSetting();
  const std::string notObject = "参数 postJsonString 格式错误,应为JSON 对象,如 {\"code\":\"1234\"}";
  EXPECT_EQ(refusal([&] { h.validate(2, R"({"mobile":"13500000000","postJsonString":{}})"); }),
            Refusal(300, "缺少参数 smsId"));
  EXPECT_EQ(refusal([&] { h.validate(2, R"({"smsId":"abc","mobile":"13500000000","postJsonString":{}})"); }),
            Refusal(300, "参数 smsId 格式错误,应为整数"));
  EXPECT_EQ(refusal([&] { h.validate(2, "{\"smsId\":" + std::to_string(id) + ",\"postJsonString\":{}}"); }),
            Refusal(300, "缺少参数 mobile"));
  for (const std::string mobile : {"\"1350000000\"", "\"23500000000\"", "\"135000000001\"", "\"1350000000a\""}) {
    EXPECT_EQ(refusal([&] { h.validate(2, params(id, "{}", mobile)); }),
              Refusal(300, "参数 mobile 格式错误,应为以 1 开头的 11 位手机号码"))
        << mobile;
  }
  EXPECT_EQ(refusal([&] { h.validate(2, "{\"smsId\":" + std::to_string(id) + ",\"mobile\":\"13500000000\"}"); }),
            Refusal(300, "缺少参数 postJsonString"));
  EXPECT_EQ(refusal([&] { h.validate(2, params(id, R"("code=1234")")); }), Refusal(300, notObject));
  EXPECT_EQ(refusal([&] { h.validate(2, params(id, R"("[1,2]")")); }), Refusal(300, notObject));
  EXPECT_EQ(refusal([&] { h.validate(2, params(id, "[1,2]")); }), Refusal(300, notObject));
  EXPECT_EQ(refusal([&] { h.validate(2, params(id, R"({"code":{"a":1}})")); }),
            Refusal(300, "参数 postJsonString 中 code 的值应为字符串或数字"));
  EXPECT_EQ(refusal([&] { h.validate(2, params(id, R"({"code":null})")); }),
            Refusal(300, "参数 postJsonString 中 code 的值应为字符串或数字"));
  EXPECT_TRUE(provider.requests().empty());
}

TEST_F(SendSmsHandlerTest, ExecuteSendsExactlyWhatWasAsked) {
  const auto id = addSetting();
  h.ledger().balance_ = 100;
  const auto r = h.execute(2, params(id), "step-7-0");
  ASSERT_EQ(r.status, Status::Done) << r.reason;
  const auto sent = provider.requests();
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].method, "POST");
  EXPECT_EQ(sent[0].uri, "/sms/send");
  EXPECT_EQ(sent[0].contentType, "application/json; charset=utf-8");
  EXPECT_EQ(sent[0].idempotencyKey, "step-7-0");
  EXPECT_EQ(sent[0].body,
            R"({"mobile":"13500000000","signName":"工厂","templateCode":"SMS_001",)"
            R"("params":{"code":"1234","product":"参数2"},"idempotencyKey":"step-7-0"})");
  EXPECT_EQ(messages(), std::vector<std::string>{"1/" + std::to_string(id) +
                                                 R"(/13500000000/{"code":"1234","product":"参数2"}/step-7-0/SENT/m-1)"});
  ASSERT_TRUE(r.result);
  EXPECT_EQ(r.result->getValue<std::string>("messageId"), "m-1");
  EXPECT_FALSE(r.result->getValue<bool>("alreadySent"));
  EXPECT_EQ(h.ledger().balance_, 100);
  EXPECT_TRUE(h.ledger().entries.empty());
}

TEST_F(SendSmsHandlerTest, ExecuteTakesPostJsonStringAsAString) {
  const auto id = addSetting();
  provider.answer(200, "OK");  // no JSON, so no provider message id
  const auto r = h.execute(2, params(id, R"("{\"code\":9988,\"product\":\"工厂\"}")"), "k");
  ASSERT_EQ(r.status, Status::Done) << r.reason;
  ASSERT_EQ(provider.requests().size(), 1u);
  EXPECT_EQ(provider.requests()[0].body,
            R"({"mobile":"13500000000","signName":"工厂","templateCode":"SMS_001",)"
            R"("params":{"code":"9988","product":"工厂"},"idempotencyKey":"k"})");
  EXPECT_EQ(messages(), std::vector<std::string>{"1/1/13500000000/{\"code\":\"9988\",\"product\":\"工厂\"}/k/SENT/"});
}

TEST_F(SendSmsHandlerTest, ExecuteDoesNotResendForTheSameKey) {
  const auto id = addSetting();
  ASSERT_EQ(h.execute(2, params(id), "same").status, Status::Done);
  const auto again = h.execute(2, params(id), "same");
  ASSERT_EQ(again.status, Status::Done) << again.reason;
  ASSERT_TRUE(again.result);
  EXPECT_TRUE(again.result->getValue<bool>("alreadySent"));
  EXPECT_EQ(provider.requests().size(), 1u);
  EXPECT_EQ(messages().size(), 1u);
  ASSERT_EQ(h.execute(2, params(id), "another").status, Status::Done);
  EXPECT_EQ(provider.requests().size(), 2u);
  EXPECT_EQ(messages().size(), 2u);
}

TEST_F(SendSmsHandlerTest, ExecuteRetriesOnAServerErrorWithTheSameKey) {
  const auto id = addSetting();
  provider.answer(500, R"({"message":"系统繁忙"})");
  const auto first = h.execute(2, params(id), "step-1");
  EXPECT_EQ(first.status, Status::Retry);
  EXPECT_EQ(first.reason, "短信服务商暂时不可用(HTTP 500):系统繁忙");
  EXPECT_TRUE(messages().empty());

  provider.answer(200, R"({"messageId":"m-2"})");
  const auto second = h.execute(2, params(id), "step-1");
  ASSERT_EQ(second.status, Status::Done) << second.reason;
  const auto sent = provider.requests();
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_EQ(sent[0].idempotencyKey, "step-1");
  EXPECT_EQ(sent[1].idempotencyKey, "step-1");
  EXPECT_EQ(sent[0].body, sent[1].body);
  ASSERT_EQ(messages().size(), 1u);
  EXPECT_NE(messages()[0].find("/step-1/SENT/m-2"), std::string::npos) << messages()[0];
}

TEST_F(SendSmsHandlerTest, ExecuteFailsWhenTheProviderRefuses) {
  const auto id = addSetting();
  provider.answer(400, R"({"code":"isv.SMS_TEMPLATE_ILLEGAL","message":"模板不存在"})");
  auto r = h.execute(2, params(id));
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "短信服务商拒绝发送(HTTP 400):模板不存在");
  provider.answer(403, "  签名未审核  ");
  r = h.execute(2, params(id));
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "短信服务商拒绝发送(HTTP 403):签名未审核");
  provider.answer(404, "");
  r = h.execute(2, params(id));
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "短信服务商拒绝发送(HTTP 404):Not Found");
  EXPECT_TRUE(messages().empty());
}

TEST_F(SendSmsHandlerTest, ExecuteRetriesWhenTheProviderIsUnreachableOrTooSlow) {
  const auto id = addSetting();
  for (const std::string why : {"Connection refused", "Timeout"}) {
    provider.fail(why);
    const auto r = h.execute(2, params(id));
    EXPECT_EQ(r.status, Status::Retry);
    EXPECT_EQ(r.reason, "无法连接短信服务商:" + why);
  }
  EXPECT_TRUE(messages().empty());
}

TEST_F(SendSmsHandlerTest, TheSendIsAnEffectOutsideTheTransaction) {
  // The provider is called before execute() opens its transaction: a slow
  // provider holds no database lock. Inside the call no transaction is open.
  const auto id = addSetting();
  bool inTransaction = true;
  h.http().answer = [&](const sdk::HttpRequest&) {
    inTransaction = h.session().isTransaction();
    sdk::HttpReply r;
    r.status = 200;
    r.body = R"({"messageId":"m-9"})";
    return r;
  };
  const auto r = h.execute(2, params(id));
  ASSERT_EQ(r.status, Status::Done) << r.reason;
  EXPECT_FALSE(inTransaction);
  EXPECT_NE(messages()[0].find("/SENT/m-9"), std::string::npos) << messages()[0];
}

TEST_F(SendSmsHandlerTest, AMessageOnRecordIsNotSentAgainAfterACrashBetweenThePhases) {
  // A worker that died after the send but before its commit runs the step
  // again with the same key; a message on record under that key is final.
  const auto id = addSetting();
  const auto run = h.newPayment();
  ASSERT_EQ(h.execute(2, params(id), run).status, Status::Done);
  const auto again = h.execute(2, params(id), run);
  ASSERT_EQ(again.status, Status::Done);
  EXPECT_TRUE(again.result->getValue<bool>("alreadySent"));
  EXPECT_EQ(provider.requests().size(), 1u);
}

TEST_F(SendSmsHandlerTest, ExecuteChecksTheSettingAgain) {
  const auto id = addSetting();
  const std::string p = params(id);
  ASSERT_EQ(h.validate(2, p), 0);
  using namespace Poco::Data::Keywords;
  h.session() << "UPDATE sms_settings SET kind = 'verify'", now;
  auto r = h.execute(2, p);
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "短信设置 " + std::to_string(id) +
                          " 是验证码类型,不能用于发送短信,请使用类型为“普通短信”的短信设置");
  h.session() << "DELETE FROM sms_settings", now;
  r = h.execute(2, p);
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "短信设置 " + std::to_string(id) + " 不存在");
  EXPECT_TRUE(provider.requests().empty());
  EXPECT_TRUE(messages().empty());
}

TEST_F(SendSmsHandlerTest, ExecuteUsesOnlyTheParamsItIsGiven) {
  // The host resolves {from:"config"} before calling; the plugin neither reads
  // the factory's system parameters nor sends an unresolved reference.
  const auto id = addSetting();
  h.config().values["SEND_MOBILE"] = "13900000000";
  auto r = h.execute(2, params(id, R"({"product":{"from":"config","key":"SMS_PRODUCT_NAME"}})"));
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "参数 postJsonString 中 product 的值应为字符串或数字");
  EXPECT_TRUE(provider.requests().empty());
  r = h.execute(2, params(id, R"({"product":"已替换"})", "\"13600000000\""), "resolved");
  ASSERT_EQ(r.status, Status::Done) << r.reason;
  ASSERT_EQ(provider.requests().size(), 1u);
  EXPECT_NE(provider.requests()[0].body.find(R"("mobile":"13600000000")"), std::string::npos);
}

TEST_F(SendSmsHandlerTest, ModuleDeclaresTypeTwo) {
  SmsModule module;
  EXPECT_EQ(module.name(), "sms");
  EXPECT_EQ(module.title(), "短信验证码");
  EXPECT_EQ(module.version(), "1.0.0");
  const auto types = module.actionTypes();
  ASSERT_EQ(types.size(), 1u);
  EXPECT_EQ(types[0].code, 2);
  EXPECT_EQ(types[0].title, "发送短信");
  ASSERT_EQ(types[0].params.size(), 3u);
  for (const auto& m : module.migrations()) {
    EXPECT_FALSE(m.sqlite.empty());
    EXPECT_FALSE(m.postgresql.empty());
  }
}

}  // namespace
}  // namespace paynext::plugins::sms::test
