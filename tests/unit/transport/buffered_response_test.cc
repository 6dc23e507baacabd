#include "core/transport/buffered_response.h"

#include <gtest/gtest.h>

namespace paynext::core::transport {
namespace {

TEST(BufferedResponse, TheAnswerCarriesItsLengthAndKeepAliveAndNeverChunks) {
  BufferedResponse response;
  response.setChunkedTransferEncoding(true);
  response.setContentType("application/json");
  response.send() << R"({"ok":1})";
  EXPECT_TRUE(response.sent());
  const std::string wire = response.wire(true, false);
  EXPECT_EQ(0u, wire.find("HTTP/1.1 200 OK\r\n")) << wire;
  EXPECT_NE(std::string::npos, wire.find("Content-Length: 8\r\n"));
  EXPECT_NE(std::string::npos, wire.find("Connection: keep-alive\r\n"));
  EXPECT_NE(std::string::npos, wire.find("Date: "));
  EXPECT_EQ(std::string::npos, wire.find("chunked"));
  EXPECT_EQ(R"({"ok":1})", wire.substr(wire.size() - 8));
}

TEST(BufferedResponse, AHeadAnswerHasTheLengthButNoBody) {
  BufferedResponse response;
  response.sendBuffer("hello", 5);
  const std::string wire = response.wire(false, true);
  EXPECT_NE(std::string::npos, wire.find("Content-Length: 5\r\n"));
  EXPECT_NE(std::string::npos, wire.find("Connection: close\r\n"));
  EXPECT_EQ("\r\n\r\n", wire.substr(wire.size() - 4));
}

TEST(BufferedResponse, RedirectsAndUnsentAnswersAreWholeToo) {
  BufferedResponse redirect;
  redirect.redirect("/admin/");
  EXPECT_TRUE(redirect.sent());
  const std::string wire = redirect.wire(true, false);
  EXPECT_EQ(0u, wire.find("HTTP/1.1 302 Found\r\n")) << wire;
  EXPECT_NE(std::string::npos, wire.find("Location: /admin/\r\n"));
  BufferedResponse nothing;
  EXPECT_FALSE(nothing.sent());
  EXPECT_NE(std::string::npos, nothing.wire(true, false).find("Content-Length: 0\r\n"));
  BufferedResponse twice;
  twice.send();
  EXPECT_THROW(twice.send(), Poco::IllegalStateException);
}

}  // namespace
}  // namespace paynext::core::transport
