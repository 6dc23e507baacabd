#include "paynext/sdk/params.h"

#include <gtest/gtest.h>

#include <Poco/JSON/Parser.h>

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

}  // namespace
}  // namespace paynext::sdk::params
