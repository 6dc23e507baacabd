#include "plugins/jdjingli/push_routes.h"

#include "jdjingli_test_support.h"
#include "plugins/jdjingli/push_request.h"

namespace paynext::plugins::jdjingli::test {
namespace {

class PushRoutesTest : public JdjingliTest {};

TEST_F(PushRoutesTest, ASignedPushIsKeptUnderAFreshToken) {
  const auto r = push(body("JD1001"));
  ASSERT_EQ(r.code, 0) << r.msg;
  const auto data = object(r);
  const std::string token = data->getValue<std::string>("token");
  EXPECT_EQ(token.size(), 32u);
  EXPECT_EQ(token.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(data->getValue<std::string>("orderNo"), "JD1001");
  EXPECT_EQ(data->getValue<std::string>("amount"), "12.50");
  EXPECT_EQ(data->getValue<std::string>("status"), "PENDING");
  // The default ttl is 30 minutes; dates in China time (the clock is 2023-11-14 22:13:20 UTC).
  EXPECT_EQ(data->getValue<std::string>("expiresAt"), "2023-11-15 06:43:20");
  EXPECT_EQ(rows(), std::vector<std::string>{"1/JD1001/PENDING/1250/0/0/0/0/"});
  // Another order gets another token.
  EXPECT_NE(pushOrder("JD1002"), token);
}

TEST_F(PushRoutesTest, TheSamePushAgainAnswersTheSameTokenWhilePending) {
  const auto token = pushOrder("JD1001");
  h.clock().advance(60000);
  EXPECT_EQ(pushOrder("JD1001"), token);
  EXPECT_EQ(rows().size(), 1u);
  // Different content under a pending order number is refused.
  const auto r = push(body("JD1001", "13"));
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "京东订单 JD1001 待支付中,不能以不同的内容重复推送"));
  EXPECT_EQ(rows(), std::vector<std::string>{"1/JD1001/PENDING/1250/0/0/0/0/"});
}

TEST_F(PushRoutesTest, AnExpiredOrderPushedAgainGetsAFreshTokenAndAPaidOneIsRefused) {
  const auto old = pushOrder("JD1001");
  h.clock().advance(30 * 60000);
  const auto fresh = pushOrder("JD1001", "13");
  EXPECT_NE(fresh, old);
  EXPECT_EQ(rows(), std::vector<std::string>{"1/JD1001/PENDING/1300/0/0/0/0/"});
  EXPECT_EQ(refusal([&] { h.validate(8, pay(old)); }), Refusal(700, "京东京励订单不存在,请确认 token"));

  h.ledger().balance_ = 1300;
  jdAnswers(200);
  ASSERT_EQ(h.execute(8, pay(fresh)).status, sdk::StepResult::Status::Done);
  const auto r = push(body("JD1001", "13"));
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "京东订单 JD1001 已支付,不能重复推送"));
}

TEST_F(PushRoutesTest, ABadSignatureIsRefusedAndNothingStored) {
  const std::string payload = body("JD1001");
  auto r = push(payload, "another-secret-0123456789");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(401, "签名错误"));
  // The signature covers the exact body: one changed byte is refused.
  const std::string ts = nowSeconds();
  r = h.callRaw("POST", "/jdjingli/order/push", body("JD1001", "12.51"),
                {{"x-jd-timestamp", ts}, {"x-jd-signature", signatureOf(kSecret, ts, payload)}});
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(401, "签名错误"));
  // ... and the timestamp.
  r = h.callRaw("POST", "/jdjingli/order/push", payload,
                {{"x-jd-timestamp", std::to_string(std::stoll(ts) - 1)},
                 {"x-jd-signature", signatureOf(kSecret, ts, payload)}});
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(401, "签名错误"));
  EXPECT_TRUE(rows().empty());
}

TEST_F(PushRoutesTest, AnUpperCaseSignatureIsAccepted) {
  const std::string payload = body("JD1001"), ts = nowSeconds();
  std::string signature = signatureOf(kSecret, ts, payload);
  for (auto& c : signature) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const auto r = h.callRaw("POST", "/jdjingli/order/push", payload,
                           {{"x-jd-timestamp", ts}, {"x-jd-signature", signature}});
  EXPECT_EQ(r.code, 0) << r.msg;
}

TEST_F(PushRoutesTest, AStaleTimestampIsRefusedAndNothingStored) {
  const std::int64_t now = h.clock().now / 1000;
  for (const std::int64_t seconds : {now - 301, now + 301}) {
    const auto r = push(body("JD1001"), kSecret, std::to_string(seconds));
    EXPECT_EQ(Refusal(r.code, r.msg), Refusal(401, "签名已过期:X-Jd-Timestamp 与服务器时间相差超过 300 秒"));
  }
  EXPECT_TRUE(rows().empty());
  // Five minutes either way is still fine.
  EXPECT_EQ(push(body("JD1001"), kSecret, std::to_string(now - 300)).code, 0);
  EXPECT_EQ(push(body("JD1002"), kSecret, std::to_string(now + 300)).code, 0);
}

TEST_F(PushRoutesTest, MissingOrMalformedSignatureHeadersAreRefused) {
  const std::string payload = body("JD1001"), ts = nowSeconds(), sig = signatureOf(kSecret, ts, payload);
  const std::vector<std::pair<std::map<std::string, std::string>, Refusal>> cases = {
      {{}, {401, "缺少签名请求头 X-Jd-Timestamp"}},
      {{{"x-jd-signature", sig}}, {401, "缺少签名请求头 X-Jd-Timestamp"}},
      {{{"x-jd-timestamp", ts}}, {401, "缺少签名请求头 X-Jd-Signature"}},
      {{{"x-jd-timestamp", ts}, {"x-jd-signature", ""}}, {401, "缺少签名请求头 X-Jd-Signature"}},
      {{{"x-jd-timestamp", "17e8"}, {"x-jd-signature", sig}}, {401, "请求头 X-Jd-Timestamp 应为 Unix 时间戳(秒)"}},
      {{{"x-jd-timestamp", "-1"}, {"x-jd-signature", sig}}, {401, "请求头 X-Jd-Timestamp 应为 Unix 时间戳(秒)"}},
      // Milliseconds are not seconds.
      {{{"x-jd-timestamp", ts + "000"}, {"x-jd-signature", sig}}, {401, "请求头 X-Jd-Timestamp 应为 Unix 时间戳(秒)"}},
  };
  for (const auto& [headers, expected] : cases) {
    const auto r = h.callRaw("POST", "/jdjingli/order/push", payload, headers);
    EXPECT_EQ(Refusal(r.code, r.msg), expected);
  }
  EXPECT_TRUE(rows().empty());
}

TEST_F(PushRoutesTest, WithoutASecretEveryPushIsRefused) {
  h.setFactory(2);  // a factory whose admin has not set the secret
  const auto r = push(body("JD1001"));
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(403, "京东京励未设置签名密钥,请管理员先在模块设置中设置"));
  EXPECT_TRUE(rows().empty());
}

TEST_F(PushRoutesTest, ABadBodyIsRefusedNamingTheField) {
  const std::string item = R"([{"name":"E卡","quantity":1,"price":"1"}])";
  const std::vector<std::pair<std::string, Refusal>> cases = {
      {R"({"amount":"1","items":)" + item + R"(,"payResultUrl":"http://a"})", {300, "缺少参数 orderNo"}},
      {R"({"orderNo":"JD 1","amount":"1","items":)" + item + R"(,"payResultUrl":"http://a"})",
       {300, "参数 orderNo 格式错误,应为字母、数字、- 或 _"}},
      {R"({"orderNo":")" + std::string(65, '1') + R"(","amount":"1","items":)" + item +
           R"(,"payResultUrl":"http://a"})",
       {300, "参数 orderNo 不能超过 64 字节"}},
      {R"({"orderNo":"JD1","items":)" + item + R"(,"payResultUrl":"http://a"})", {300, "缺少参数 amount"}},
      {R"({"orderNo":"JD1","amount":"1.001","items":)" + item + R"(,"payResultUrl":"http://a"})",
       {300, "参数 amount 格式错误,应为不超过两位小数的非负金额"}},
      {R"({"orderNo":"JD1","amount":"0","items":)" + item + R"(,"payResultUrl":"http://a"})",
       {300, "参数 amount 格式错误,应为大于 0 的金额"}},
      {R"({"orderNo":"JD1","amount":"1","payResultUrl":"http://a"})", {300, "缺少参数 items"}},
      {R"({"orderNo":"JD1","amount":"1","items":[],"payResultUrl":"http://a"})",
       {300, "参数 items 格式错误,应为非空数组"}},
      {R"({"orderNo":"JD1","amount":"1","items":[{"quantity":1,"price":"1"}],"payResultUrl":"http://a"})",
       {300, "items[0]:缺少参数 name"}},
      {R"({"orderNo":"JD1","amount":"1","items":[{"name":"a","quantity":0,"price":"1"}],"payResultUrl":"http://a"})",
       {300, "items[0]:参数 quantity 格式错误,应为正整数"}},
      {R"({"orderNo":"JD1","amount":"1","items":)" + item + "}", {300, "缺少参数 payResultUrl"}},
      {R"({"orderNo":"JD1","amount":"1","items":)" + item + R"(,"payResultUrl":"ftp://a"})",
       {300, "参数 payResultUrl 格式错误,应为http:// 或 https:// 开头的地址"}},
  };
  for (const auto& [payload, expected] : cases) {
    const auto r = push(payload);
    EXPECT_EQ(Refusal(r.code, r.msg), expected) << payload;
  }
  EXPECT_TRUE(rows().empty());
}

TEST_F(PushRoutesTest, APayResultUrlTheOutboundPolicyRefusesIsRefusedAndNothingStored) {
  h.http().refuse = [](const std::string& url) -> std::optional<std::string> {
    if (url.find("169.254.169.254") == std::string::npos) return std::nullopt;
    return "出站地址 169.254.169.254 不允许:链路本地地址";
  };
  const std::string item = R"([{"name":"耳机","quantity":1,"price":"1"}])";
  const auto r = push(R"({"orderNo":"JD1","amount":"1","items":)" + item +
                      R"(,"payResultUrl":"http://169.254.169.254/latest/meta-data/"})");
  EXPECT_EQ(Refusal(r.code, r.msg),
            Refusal(300, "参数 payResultUrl 不可用:出站地址 169.254.169.254 不允许:链路本地地址"));
  EXPECT_TRUE(rows().empty());
  EXPECT_TRUE(h.http().requests.empty());
}

TEST_F(PushRoutesTest, ABodyThatIsNoJsonObjectIsRefused) {
  // The harness merges a body into params as JSON, so the parser is called directly here.
  for (const std::string payload : {"not json", "[1]", ""}) {
    EXPECT_EQ(refusal([&] { PushRequest::parse(payload, h.http()); }), Refusal(300, "请求体应为 JSON 对象")) << payload;
  }
}

TEST_F(PushRoutesTest, OrdersBelongToTheirFactory) {
  const auto token = pushOrder("JD1001");
  h.setFactory(2);
  setSecret("factory-two-secret-0123");
  // The same order number in another factory is another order.
  const auto r = push(body("JD1001"), "factory-two-secret-0123");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_NE(object(r)->getValue<std::string>("token"), token);
  EXPECT_EQ(refusal([&] { h.validate(8, pay(token)); }), Refusal(700, "京东京励订单不存在,请确认 token"));
  EXPECT_EQ(rows(), (std::vector<std::string>{"1/JD1001/PENDING/1250/0/0/0/0/", "2/JD1001/PENDING/1250/0/0/0/0/"}));
}

}  // namespace
}  // namespace paynext::plugins::jdjingli::test
