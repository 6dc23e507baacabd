#include "core/http/request_body.h"

#include <functional>

#include <gtest/gtest.h>

namespace paynext::core::http {
namespace {

const BodyLimits kLimits;

// The refusal's status and message, or "no error".
std::string refusalOf(const std::function<void()>& call) {
  try {
    call();
  } catch (const BadRequest& e) {
    return std::to_string(e.status()) + " " + e.what();
  }
  return "no error";
}

TEST(RequestBodyTest, QueryAndFormBodyAreMergedAsStrings) {
  const auto params = requestParams("/api/pay?orderId=7&note=%E4%B8%AD", "application/x-www-form-urlencoded",
                                    "amount=12&name=%E5%BC%A0+%E4%B8%89", kLimits);
  EXPECT_EQ("7", params->getValue<std::string>("orderId"));
  EXPECT_EQ("中", params->getValue<std::string>("note"));
  EXPECT_EQ("12", params->getValue<std::string>("amount"));
  EXPECT_EQ("张 三", params->getValue<std::string>("name"));
}

TEST(RequestBodyTest, JsonBodyKeepsItsTypesAndOverridesTheQuery) {
  const auto params = requestParams("/api/pay?amount=1", "Application/JSON; charset=utf-8",
                                    R"({"amount":12,"nested":{"a":[1,"二"]}})", kLimits);
  EXPECT_EQ(12, params->getValue<int>("amount"));
  ASSERT_TRUE(params->isObject("nested"));
}

TEST(RequestBodyTest, AnEmptyBodyGivesTheQueryOnly) {
  const auto params = requestParams("/x?a=1", "application/json", "", kLimits);
  EXPECT_EQ(1u, params->size());
  EXPECT_EQ("1", params->getValue<std::string>("a"));
}

TEST(RequestBodyTest, BadUtf8IsRefusedNamingTheField) {
  EXPECT_EQ("400 参数 name 不是有效的 UTF-8 文本",
            refusalOf([] { requestParams("/x", "application/x-www-form-urlencoded", "name=%C3%28", kLimits); }));
  EXPECT_EQ("400 参数 q 不是有效的 UTF-8 文本", refusalOf([] { requestParams("/x?q=%FF", "", "", kLimits); }));
  EXPECT_EQ("400 参数名不是有效的 UTF-8 文本",
            refusalOf([] { requestParams("/x", "application/x-www-form-urlencoded", "%FF=1", kLimits); }));
}

// Found by tests/fuzz/form_body (crashes/form_body/): Poco's exception used
// to escape instead of a 400.
TEST(RequestBodyTest, ABadPercentEscapeInTheQueryIsRefused) {
  EXPECT_EQ("400 查询字符串格式错误:URI encoding: not a hex digit",
            refusalOf([] { requestParams("/x?a=%C%0AF", "", "", kLimits); }));
  EXPECT_EQ("400 查询字符串格式错误:URI encoding: no hex digit following percent sign: %",
            refusalOf([] { requestParams("/x?a=%", "application/json", "{}", kLimits); }));
}

TEST(RequestBodyTest, AJsonBodyMustBeAnObject) {
  EXPECT_EQ("400 请求体必须是 JSON 对象", refusalOf([] { requestParams("/x", "application/json", "[1]", kLimits); }));
}

}  // namespace
}  // namespace paynext::core::http
