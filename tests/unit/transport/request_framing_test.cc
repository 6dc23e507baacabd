#include "core/transport/request_framing.h"

#include <gtest/gtest.h>
#include <boost/asio/buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

namespace paynext::core::transport {
namespace {

namespace http = boost::beast::http;

// Parses a head as the connection does: the parser's own refusal, else ours.
std::optional<Rejection> judge(const std::string& head) {
  http::request_parser<http::string_body> parser;
  parser.eager(false);
  boost::system::error_code error;
  parser.put(boost::asio::buffer(head), error);
  if (error) return parseRejection(error, head);
  EXPECT_TRUE(parser.is_header_done()) << head;
  return checkFraming(parser.get());
}

int statusOf(const std::string& head) {
  auto rejection = judge(head);
  return rejection ? rejection->status : 0;
}

TEST(RequestFraming, PlainHttp11And10RequestsPass) {
  EXPECT_EQ(0, statusOf("GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n"));
  EXPECT_EQ(0, statusOf("GET /healthz HTTP/1.0\r\n\r\n"));
  EXPECT_EQ(0, statusOf("POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\n"));
  EXPECT_EQ(0, statusOf("POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"));
}

TEST(RequestFraming, OtherVersionsAre505) {
  auto rejection = judge("GET / HTTP/9.9\r\nHost: a\r\n\r\n");
  ASSERT_TRUE(rejection);
  EXPECT_EQ(505, rejection->status);
  EXPECT_EQ("HTTP version not supported: use HTTP/1.1 or HTTP/1.0", rejection->message);
  EXPECT_EQ(505, statusOf("GET / HTTP/2.0\r\nHost: a\r\n\r\n"));
  EXPECT_EQ(505, statusOf("GET / HTTP/0.9\r\n\r\n"));
}

TEST(RequestFraming, ConflictingOrUnparsableLengthsAre400) {
  EXPECT_EQ(400, statusOf("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n"));
  EXPECT_EQ(400, statusOf("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: abc\r\n\r\n"));
  EXPECT_EQ(400, statusOf("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n"));
  EXPECT_EQ(400, statusOf("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n"));
  EXPECT_EQ(400, statusOf("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n"));
}

TEST(RequestFraming, MalformedHeadsAre400) {
  EXPECT_EQ(400, statusOf("GET / HTTP/1.1\r\n\r\n")) << "no Host";
  EXPECT_EQ(400, statusOf("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"));
  EXPECT_EQ(400, statusOf("GET / HTTP/1.1\r\nHost: a\r\nBad Header: x\r\n\r\n"));
  EXPECT_EQ(400, statusOf("G@T / HTTP/1.1\r\nHost: a\r\n\r\n"));
  EXPECT_EQ(400, statusOf("GET / HTTX/1.1\r\nHost: a\r\n\r\n"));
}

TEST(RequestFraming, TransferCodingsOtherThanChunkedAre501) {
  auto rejection = judge("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n");
  ASSERT_TRUE(rejection);
  EXPECT_EQ(501, rejection->status);
  EXPECT_EQ(501, statusOf("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"));
}

TEST(RequestFraming, ParserLimitsHaveTheirOwnStatus) {
  EXPECT_EQ(431, parseRejection(http::error::header_limit).status);
  EXPECT_EQ(413, parseRejection(http::error::body_limit).status);
  EXPECT_EQ(400, parseRejection(http::error::bad_version).status);
  EXPECT_EQ(400, statusOf("GET / HTTP/1.12\r\nHost: a\r\n\r\n"));
  EXPECT_EQ(400, statusOf("GET / HTTP/x.1\r\nHost: a\r\n\r\n"));
}

TEST(RequestFraming, ARejectionIsAWholeAnswerThatClosesTheConnection) {
  const std::string wire = rejectionWire({505, "no"});
  EXPECT_EQ(0u, wire.find("HTTP/1.1 505 HTTP Version Not Supported\r\n")) << wire;
  EXPECT_NE(std::string::npos, wire.find("Connection: close\r\n"));
  EXPECT_NE(std::string::npos, wire.find("Content-Length: 3\r\n"));
  EXPECT_EQ("no\n", wire.substr(wire.size() - 3));
}

}  // namespace
}  // namespace paynext::core::transport
