#include "core/payments/alipay/alipay_form.h"

#include <gtest/gtest.h>

namespace paynext::core::payments::alipay {
namespace {

TEST(AlipayFormTest, UrlEncodeIsPhpUrlencode) {
  EXPECT_EQ("abcXYZ019-_.", urlEncode("abcXYZ019-_."));
  EXPECT_EQ("2024-01-02+03%3A04%3A05", urlEncode("2024-01-02 03:04:05"));
  EXPECT_EQ("%E5%85%85%E5%80%BC", urlEncode("充值"));
  // Every other printable ASCII character, as PHP's urlencode() writes it.
  EXPECT_EQ("%21%22%23%24%25%26%27%28%29%2A%2B%2C-.%2F%3A%3B%3C%3D%3E%3F%40%5B%5C%5D%5E_%60%7B%7C%7D%7E",
            urlEncode("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"));
  EXPECT_EQ("%2520", urlEncode("%20"));
  EXPECT_EQ("a%0D%0A%09b", urlEncode("a\r\n\tb"));
}

TEST(AlipayFormTest, EncodeFormIsSortedAndSkipsEmptyValues) {
  EXPECT_EQ("a=1+2&b=%26%3D&c=%E4%B8%AD", encodeForm({{"c", "中"}, {"a", "1 2"}, {"b", "&="}, {"d", ""}}));
}

TEST(AlipayFormTest, ParseFormDecodesPlusAsSpaceAndPercentTwoBAsPlus) {
  const Params params = parseForm("a=x+y%2Bz&b=%E4%B8%AD&c=&d=2024-01-02+03%3A04%3A05");
  EXPECT_EQ("x y+z", params.at("a"));
  EXPECT_EQ("中", params.at("b"));
  EXPECT_EQ("", params.at("c"));
  EXPECT_EQ("2024-01-02 03:04:05", params.at("d"));
}

TEST(AlipayFormTest, RoundTrips) {
  const Params params{{"a", "1 2+3&4=5%6"}, {"b", "充值 ~*'\""}, {"notify_url", "https://x.example/n?a=1&b=2"}};
  EXPECT_EQ(params, parseForm(encodeForm(params)));
}

std::string errorOf(const std::string& body) {
  try {
    parseForm(body);
  } catch (const AlipayError& e) {
    return e.what();
  }
  return "no error";
}

TEST(AlipayFormTest, MalformedFormsAreErrors) {
  EXPECT_EQ("not a form: URI encoding: not a hex digit", errorOf("a=%ZZ"));
  EXPECT_EQ("not a form: field 'a' is given twice", errorOf("a=1&a=2"));
  EXPECT_EQ("not a form: a field has no name", errorOf("=1"));
  std::string many;
  for (int i = 0; i < 101; ++i) many += "k" + std::to_string(i) + "=v&";
  EXPECT_EQ("not a form: Too many form fields", errorOf(many));
}

}  // namespace
}  // namespace paynext::core::payments::alipay
