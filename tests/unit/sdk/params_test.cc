#include "paynext/sdk/params.h"

#include <gtest/gtest.h>

#include <Poco/JSON/Parser.h>

#include "paynext/sdk/testing/harness.h"

namespace paynext::sdk::params {
namespace {

Poco::JSON::Object::Ptr obj(const std::string& json) {
  return Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>();
}

template <typename Fn>
std::string error(Fn fn) {
  try {
    fn();
  } catch (const ParamError& e) {
    return e.field() + ": " + e.what();
  }
  return "no error";
}

TEST(ParamsTest, IntegersFromNumbersOrDigitStrings) {
  EXPECT_EQ(1234, requireInt(*obj(R"({"id":1234})"), "id"));
  EXPECT_EQ(1234, requireInt(*obj(R"({"id":"1234"})"), "id"));
  EXPECT_EQ("id: 缺少参数 id", error([] { requireInt(*obj("{}"), "id"); }));
  EXPECT_EQ("id: 缺少参数 id", error([] { requireInt(*obj(R"({"id":null})"), "id"); }));
  EXPECT_EQ("id: 参数 id 格式错误,应为整数", error([] { requireInt(*obj(R"({"id":"12a"})"), "id"); }));
  EXPECT_EQ("id: 参数 id 格式错误,应为整数", error([] { requireInt(*obj(R"({"id":1.5})"), "id"); }));
  EXPECT_EQ("id: 参数 id 格式错误,应为整数", error([] { requireInt(*obj(R"({"id":{}})"), "id"); }));
  EXPECT_EQ("id: 参数 id 格式错误,应为正整数", error([] { requirePositiveInt(*obj(R"({"id":0})"), "id"); }));
}

TEST(ParamsTest, IdLists) {
  EXPECT_EQ((std::vector<std::int64_t>{77, 88, 99}), requireIdList(*obj(R"({"id":"77,88,99"})"), "id"));
  EXPECT_EQ((std::vector<std::int64_t>{5}), requireIdList(*obj(R"({"id":5})"), "id"));
  EXPECT_EQ("id: 参数 id 格式错误,应为以英文逗号分隔的编号",
            error([] { requireIdList(*obj(R"({"id":"77,,x"})"), "id"); }));
  EXPECT_EQ("id: 参数 id 格式错误,应为以英文逗号分隔的编号",
            error([] { requireIdList(*obj(R"({"id":"77,-1"})"), "id"); }));
}

TEST(ParamsTest, Money) {
  EXPECT_EQ(1250, requireMoney(*obj(R"({"m":12.5})"), "m"));
  EXPECT_EQ(1250, requireMoney(*obj(R"({"m":"12.50"})"), "m"));
  EXPECT_EQ(1200, requireMoney(*obj(R"({"m":12})"), "m"));
  const std::string bad = "m: 参数 m 格式错误,应为不超过两位小数的非负金额";
  EXPECT_EQ(bad, error([] { requireMoney(*obj(R"({"m":-1})"), "m"); }));
  EXPECT_EQ(bad, error([] { requireMoney(*obj(R"({"m":"0.001"})"), "m"); }));
  EXPECT_EQ(bad, error([] { requireMoney(*obj(R"({"m":true})"), "m"); }));
}

TEST(ParamsTest, StringsAndBools) {
  EXPECT_EQ("x", requireString(*obj(R"({"s":"x"})"), "s"));
  EXPECT_EQ("12", requireString(*obj(R"({"s":12})"), "s"));
  EXPECT_EQ("s: 缺少参数 s", error([] { requireString(*obj(R"({"s":""})"), "s"); }));
  EXPECT_EQ("s: 参数 s 格式错误,应为字符串", error([] { requireString(*obj(R"({"s":[1]})"), "s"); }));
  EXPECT_EQ(true, optionalBool(*obj(R"({"b":"true"})"), "b"));
  EXPECT_EQ(false, optionalBool(*obj(R"({"b":false})"), "b"));
  EXPECT_EQ("b: 参数 b 格式错误,应为true 或 false", error([] { optionalBool(*obj(R"({"b":"yes"})"), "b"); }));
}

TEST(ParamsTest, AUserFilterNamesAUserOfTheFactory) {
  sdk::testing::MemoryUsers users;
  users.add(7);
  EXPECT_EQ(0, optionalUser(*obj("{}"), "userId", users));
  EXPECT_EQ(7, optionalUser(*obj(R"({"userId":"7"})"), "userId", users));
  EXPECT_EQ("userId: 参数 userId 格式错误,应为正整数", error([&] { optionalUser(*obj(R"({"userId":0})"), "userId", users); }));
  try {
    optionalUser(*obj(R"({"userId":8})"), "userId", users);
    FAIL() << "user 8 is not of the factory";
  } catch (const Error& e) {
    EXPECT_EQ(700, e.code());
    EXPECT_STREQ("用户 8 不存在", e.what());
  }
}

TEST(ParamsTest, TextIsBoundedInBytes) {
  // "团购" is six bytes of UTF-8.
  EXPECT_EQ("团购", requireText(*obj(R"({"t":"团购"})"), "t", 6));
  EXPECT_EQ("t: 参数 t 不能超过 5 字节", error([] { requireText(*obj(R"({"t":"团购"})"), "t", 5); }));
  EXPECT_EQ("t: 缺少参数 t", error([] { requireText(*obj("{}"), "t", 5); }));
  EXPECT_EQ("", optionalText(*obj("{}"), "t", 5));
  EXPECT_EQ("abcde", optionalText(*obj(R"({"t":"abcde"})"), "t", 5));
  EXPECT_EQ("t: 参数 t 不能超过 5 字节", error([] { optionalText(*obj(R"({"t":"abcdef"})"), "t", 5); }));
}

}  // namespace
}  // namespace paynext::sdk::params

namespace paynext::sdk::params {
namespace {

using sdk::testing::refusal;
using Refusal = std::pair<int, std::string>;

TEST(ParamsTest, ChinaTimesNameTheFieldAndCanEndTheDay) {
  // 2024-06-01 00:00:00 in China is 2024-05-31 16:00:00 UTC.
  constexpr std::int64_t kJune1 = 1717171200000LL;
  EXPECT_EQ(kJune1, requireChinaTime(*obj(R"({"at":"2024-06-01"})"), "at"));
  EXPECT_EQ(kJune1 + 24LL * 3600 * 1000 - 1, requireChinaTime(*obj(R"({"at":"2024-06-01"})"), "at", true));
  EXPECT_EQ(kJune1 + 3723000, requireChinaTime(*obj(R"({"at":"2024-06-01 01:02:03"})"), "at", true));
  EXPECT_EQ("at: 缺少参数 at", error([] { requireChinaTime(*obj("{}"), "at"); }));
  EXPECT_EQ("at: 缺少参数 at", error([] { requireChinaTime(*obj(R"({"at":""})"), "at"); }));
  EXPECT_EQ("at: 参数 at 格式错误,应为yyyy-MM-dd 或 yyyy-MM-dd HH:mm:ss 格式的时间",
            error([] { requireChinaTime(*obj(R"({"at":"2024-13-01"})"), "at"); }));
  EXPECT_EQ("at: 参数 at 格式错误,应为yyyy-MM-dd HH:mm:ss",
            error([] { requireChinaTime(*obj(R"({"at":"tomorrow"})"), "at", false, "yyyy-MM-dd HH:mm:ss"); }));
  EXPECT_EQ("at: 参数 at 格式错误,应为字符串", error([] { requireChinaTime(*obj(R"({"at":true})"), "at"); }));

  EXPECT_EQ(std::nullopt, optionalChinaTime(*obj("{}"), "at"));
  EXPECT_EQ(std::nullopt, optionalChinaTime(*obj(R"({"at":""})"), "at"));
  EXPECT_EQ(kJune1 + 24LL * 3600 * 1000 - 1, optionalChinaTime(*obj(R"({"at":"2024-06-01"})"), "at", true));
  EXPECT_EQ("at: 参数 at 格式错误,应为yyyy-MM-dd 或 yyyy-MM-dd HH:mm:ss 格式的时间",
            error([] { optionalChinaTime(*obj(R"({"at":"2024-06-01 25:00:00"})"), "at"); }));
}

TEST(ParamsTest, HttpUrlsNeedTheSchemeAndAHost) {
  EXPECT_TRUE(isHttpUrl("https://partner.example/notify?a=1"));
  EXPECT_TRUE(isHttpUrl("http://127.0.0.1:8080/x"));
  EXPECT_FALSE(isHttpUrl("ftp://partner.example/"));
  EXPECT_FALSE(isHttpUrl("https:///path-only"));
  EXPECT_FALSE(isHttpUrl("partner.example/notify"));
  EXPECT_FALSE(isHttpUrl("http://[::1"));  // not a URI at all
  EXPECT_EQ("https://a.example/", requireHttpUrl(*obj(R"({"url":"https://a.example/"})"), "url", 100));
  EXPECT_EQ("url: 缺少参数 url", error([] { requireHttpUrl(*obj("{}"), "url", 100); }));
  EXPECT_EQ("url: 参数 url 格式错误,应为http:// 或 https:// 开头的地址",
            error([] { requireHttpUrl(*obj(R"({"url":"mailto:a@b.example"})"), "url", 100); }));
  EXPECT_EQ("url: 参数 url 不能超过 10 字节",
            error([] { requireHttpUrl(*obj(R"({"url":"https://a.example/"})"), "url", 10); }));
}

TEST(ListWindowTest, PagesAndOffsetsAreBoundedAndNamedWhenBad) {
  const auto page = pageWindow(*Poco::JSON::Object::Ptr(new Poco::JSON::Object));
  EXPECT_EQ(0, page.offset);
  EXPECT_EQ(20, page.limit);
  Poco::JSON::Object asked;
  asked.set("page", "3");
  asked.set("pageSize", 10);
  EXPECT_EQ(20, pageWindow(asked).offset);
  EXPECT_EQ(10, pageWindow(asked).limit);
  asked.set("pageSize", 101);
  EXPECT_EQ(refusal([&] { pageWindow(asked); }), Refusal(300, "参数 pageSize 格式错误,应为1 到 100 之间的整数"));
  asked.set("page", 0);
  EXPECT_EQ(refusal([&] { pageWindow(asked); }), Refusal(300, "参数 page 格式错误,应为正整数"));

  Poco::JSON::Object admin;
  EXPECT_EQ(50, offsetWindow(admin).limit);
  admin.set("offset", 7);
  admin.set("limit", 500);
  EXPECT_EQ(7, offsetWindow(admin).offset);
  EXPECT_EQ(500, offsetWindow(admin).limit);
  admin.set("limit", 501);
  EXPECT_EQ(refusal([&] { offsetWindow(admin); }), Refusal(300, "参数 limit 格式错误,应为1 到 500 之间的整数"));
  admin.set("limit", 5);
  admin.set("offset", -1);
  EXPECT_EQ(refusal([&] { offsetWindow(admin); }), Refusal(300, "参数 offset 格式错误,应为非负整数"));
}

}  // namespace
}  // namespace paynext::sdk::params
