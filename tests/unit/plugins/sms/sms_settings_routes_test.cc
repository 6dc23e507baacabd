#include "plugins/sms/sms_settings_routes.h"

#include <optional>

#include <Poco/JSON/Array.h>

#include "sms_test_support.h"

namespace paynext::plugins::sms::test {
namespace {

class SmsSettingsRoutesTest : public SmsTest {};

TEST_F(SmsSettingsRoutesTest, RoutesAreForAdmins) {
  const auto routes = smsSettingsRoutes();
  ASSERT_EQ(routes.size(), 2u);
  EXPECT_EQ(routes[0].method, "POST");
  EXPECT_EQ(routes[0].path, "/settings");
  EXPECT_TRUE(routes[0].writes);
  EXPECT_EQ(routes[1].method, "GET");
  EXPECT_EQ(routes[1].path, "/settings");
  EXPECT_FALSE(routes[1].writes);
  for (const auto& r : routes) EXPECT_EQ(r.audience, sdk::Audience::Admin);
}

TEST_F(SmsSettingsRoutesTest, PostCreatesASettingThatTypeTwoCanUse) {
  const auto r = h.call("POST", "/settings",
                        R"({"kind":"normal","providerUrl":"http://sms.example/send","signName":"工厂",)"
                        R"("templateCode":"SMS_001"})");
  ASSERT_EQ(r.code, 0) << r.msg;
  const auto data = r.data.extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(data->getValue<Poco::Int64>("id"), 1);
  EXPECT_EQ(data->getValue<std::string>("kind"), "normal");
  EXPECT_EQ(data->getValue<std::string>("kindTitle"), "普通短信");
  EXPECT_EQ(data->getValue<std::string>("providerUrl"), "http://sms.example/send");
  EXPECT_EQ(data->getValue<std::string>("signName"), "工厂");
  EXPECT_EQ(data->getValue<std::string>("templateCode"), "SMS_001");
  EXPECT_EQ(h.validate(2, R"({"smsId":1,"mobile":"13500000000","postJsonString":{}})"), 0);
}

TEST_F(SmsSettingsRoutesTest, GetListsTheFactorysSettingsOnly) {
  addSetting(kNormal);
  addSetting(kVerify);
  addSetting(kNormal, 2);
  const auto r = h.call("GET", "/settings", "{}");
  ASSERT_EQ(r.code, 0) << r.msg;
  const auto list = r.data.extract<Poco::JSON::Array::Ptr>();
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ(list->getObject(0)->getValue<std::string>("kindTitle"), "普通短信");
  EXPECT_EQ(list->getObject(1)->getValue<std::string>("kind"), "verify");
  EXPECT_EQ(list->getObject(1)->getValue<std::string>("kindTitle"), "验证码");

  h.setFactory(3);
  const auto none = h.call("GET", "/settings", "{}");
  ASSERT_EQ(none.code, 0);
  EXPECT_EQ(none.data.extract<Poco::JSON::Array::Ptr>()->size(), 0u);
}

TEST_F(SmsSettingsRoutesTest, PostRefusesBadFieldsAndStoresNothing) {
  auto refused = [&](const std::string& params, const std::string& msg) {
    const auto r = h.call("POST", "/settings", params);
    EXPECT_EQ(r.code, 300) << params;
    EXPECT_EQ(r.msg, msg) << params;
  };
  const std::string rest = R"("signName":"工厂","templateCode":"SMS_001")";
  refused(R"({"providerUrl":"http://a/b",)" + rest + "}", "缺少参数 kind");
  refused(R"({"kind":"code","providerUrl":"http://a/b",)" + rest + "}",
          "参数 kind 格式错误,应为normal(普通短信)或 verify(验证码)");
  refused(R"({"kind":"normal",)" + rest + "}", "缺少参数 providerUrl");
  refused(R"({"kind":"normal","providerUrl":"ftp://a/b",)" + rest + "}",
          "参数 providerUrl 格式错误,应为http:// 或 https:// 开头的地址");
  refused(R"({"kind":"normal","providerUrl":"http://",)" + rest + "}",
          "参数 providerUrl 格式错误,应为http:// 或 https:// 开头的地址");
  refused(R"({"kind":"normal","providerUrl":"http://a/b","templateCode":"SMS_001"})", "缺少参数 signName");
  refused(R"({"kind":"normal","providerUrl":"http://a/b","signName":"工厂"})", "缺少参数 templateCode");
  refused(R"({"kind":"normal","providerUrl":"http://a/b","templateCode":"SMS_001","signName":")" +
              std::string(101, 'x') + "\"}",
          "参数 signName 不能超过 100 字节");
  EXPECT_EQ(settingCount(), 0);
}

TEST_F(SmsSettingsRoutesTest, PostRefusesAProviderTheOutboundPolicyRefusesAndStoresNothing) {
  h.http().refuse = [](const std::string& url) -> std::optional<std::string> {
    if (url.find("127.0.0.1") == std::string::npos) return std::nullopt;
    return "出站地址 127.0.0.1 不允许:环回地址";
  };
  const auto r = h.call("POST", "/settings",
                        R"({"kind":"normal","providerUrl":"http://127.0.0.1:8080/admin/api","signName":"工厂",)"
                        R"("templateCode":"SMS_001"})");
  EXPECT_EQ(r.code, 300);
  EXPECT_EQ(r.msg, "参数 providerUrl 不可用:出站地址 127.0.0.1 不允许:环回地址");
  EXPECT_EQ(settingCount(), 0);
  EXPECT_TRUE(h.http().requests.empty());
  // An address the policy lets through is kept.
  const auto ok = h.call("POST", "/settings",
                         R"({"kind":"normal","providerUrl":"https://sms.example/send","signName":"工厂",)"
                         R"("templateCode":"SMS_001"})");
  EXPECT_EQ(ok.code, 0) << ok.msg;
  EXPECT_EQ(settingCount(), 1);
}

}  // namespace
}  // namespace paynext::plugins::sms::test
