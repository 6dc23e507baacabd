#include "core/payments/wxpay/wxpay_xml.h"

#include <gtest/gtest.h>

namespace paynext::core::payments::wxpay {
namespace {

TEST(WxpayXmlTest, WritesCdataFields) {
  EXPECT_EQ("<xml><appid><![CDATA[wx1]]></appid><total_fee><![CDATA[1]]></total_fee></xml>",
            toXml({{"total_fee", "1"}, {"appid", "wx1"}}));
  EXPECT_EQ("<xml></xml>", toXml({}));
}

TEST(WxpayXmlTest, RoundTrip) {
  const Fields fields{{"body", "腾讯充值中心-QQ会员充值"},
                      {"attach", "a<b>&c \"quoted\" 'x'"},
                      {"tricky", "ends]]>here]]>"},
                      {"empty", ""},
                      {"multi", "line1\nline2"}};
  EXPECT_EQ(fields, parseXml(toXml(fields)));
}

TEST(WxpayXmlTest, ReadsCdataAndPlainTextAsWeChatSendsThem) {
  const std::string xml =
      "<xml>\n"
      "  <return_code><![CDATA[SUCCESS]]></return_code>\n"
      "  <return_msg><![CDATA[OK]]></return_msg>\n"
      "  <total_fee>101</total_fee>\n"
      "  <body>a &amp; b</body>\n"
      "  <empty></empty><self/>\n"
      "</xml>";
  const Fields expected{{"return_code", "SUCCESS"}, {"return_msg", "OK"}, {"total_fee", "101"},
                        {"body", "a & b"},          {"empty", ""},        {"self", ""}};
  EXPECT_EQ(expected, parseXml(xml));
}

TEST(WxpayXmlTest, AcceptsAnXmlDeclaration) {
  EXPECT_EQ((Fields{{"a", "1"}}), parseXml("<?xml version=\"1.0\" encoding=\"UTF-8\"?><xml><a>1</a></xml>"));
}

TEST(WxpayXmlTest, RefusesExternalEntities) {
  const std::string xxe =
      "<?xml version=\"1.0\"?>"
      "<!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
      "<xml><return_code>&xxe;</return_code></xml>";
  EXPECT_THROW(parseXml(xxe), WxpayXmlError);
}

TEST(WxpayXmlTest, RefusesExternalDtdAndParameterEntities) {
  EXPECT_THROW(parseXml("<!DOCTYPE xml SYSTEM \"http://127.0.0.1:1/x.dtd\"><xml><a>1</a></xml>"), WxpayXmlError);
  EXPECT_THROW(parseXml("<!DOCTYPE xml [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]><xml><a>1</a></xml>"),
               WxpayXmlError);
}

TEST(WxpayXmlTest, RefusesInternalEntityExpansion) {
  const std::string laughs =
      "<!DOCTYPE xml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
      "<xml><x>&b;</x></xml>";
  EXPECT_THROW(parseXml(laughs), WxpayXmlError);
}

TEST(WxpayXmlTest, RefusesUndefinedEntities) { EXPECT_THROW(parseXml("<xml><a>&nbsp;</a></xml>"), WxpayXmlError); }

TEST(WxpayXmlTest, RefusesMalformedInput) {
  for (const std::string bad : {"", "not xml", "<xml><a>1</a>", "<xml><a>1</b></xml>", "<xml></xml><xml></xml>",
                                "<xml><a><![CDATA[1</a></xml>", "<xml><a>1</a></xml>junk"}) {
    EXPECT_THROW(parseXml(bad), WxpayXmlError) << bad;
  }
}

TEST(WxpayXmlTest, RefusesOtherShapes) {
  EXPECT_THROW(parseXml("<root><a>1</a></root>"), WxpayXmlError);
  EXPECT_THROW(parseXml("<xml><a><b>1</b></a></xml>"), WxpayXmlError);
  EXPECT_THROW(parseXml("<xml><a>1</a><a>2</a></xml>"), WxpayXmlError);
  EXPECT_THROW(parseXml("<xml>loose<a>1</a></xml>"), WxpayXmlError);
}

TEST(WxpayXmlTest, ErrorSaysWhatIsWrong) {
  try {
    parseXml("<root/>");
    FAIL();
  } catch (const WxpayXmlError& e) {
    EXPECT_EQ("the root element is <root>, not <xml>", std::string(e.what()));
  }
}

TEST(WxpayXmlTest, WriterRefusesWhatXmlCannotCarry) {
  EXPECT_THROW(toXml({{"a b", "1"}}), WxpayXmlError);
  EXPECT_THROW(toXml({{"", "1"}}), WxpayXmlError);
  EXPECT_THROW(toXml({{"a", std::string("x\x01y")}}), WxpayXmlError);
}

}  // namespace
}  // namespace paynext::core::payments::wxpay
