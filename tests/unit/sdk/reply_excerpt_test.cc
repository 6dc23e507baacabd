#include "paynext/sdk/reply_excerpt.h"

#include <string>

#include <gtest/gtest.h>

namespace paynext::sdk {
namespace {

TEST(ReplyExcerptTest, KeepsPrintableTextAndWholeCharacters) {
  EXPECT_EQ("provider says no", replyExcerpt("provider says no"));
  EXPECT_EQ("签名错误", replyExcerpt("签名错误"));
  // 200 bytes at most, never half a character: 66 three-byte characters are 198 bytes.
  const std::string many = [] {
    std::string s;
    for (int i = 0; i < 100; ++i) s += "错";
    return s;
  }();
  EXPECT_EQ(many.substr(0, 198), replyExcerpt(many));
  EXPECT_EQ(std::string(200, 'a'), replyExcerpt(std::string(1000, 'a')));
  EXPECT_EQ("abc", replyExcerpt("abcdef", 3));
}

TEST(ReplyExcerptTest, ReplacesControlCharactersAndInvalidBytes) {
  EXPECT_EQ("a?b?c?d", replyExcerpt("a\nb\x1b" "c\x7f" "d"));
  EXPECT_EQ("x?y", replyExcerpt(std::string("x\0y", 3)));
  EXPECT_EQ("??", replyExcerpt("\xff\xfe"));
  EXPECT_EQ("??", replyExcerpt("\xe9\x94"));       // a cut three-byte character
  EXPECT_EQ("??", replyExcerpt("\xc0\xaf"));       // an overlong '/'
  EXPECT_EQ("??", replyExcerpt("\xc2\x85"));       // U+0085, a C1 control
  EXPECT_EQ("é", replyExcerpt("\xc3\xa9"));
}

}  // namespace
}  // namespace paynext::sdk
