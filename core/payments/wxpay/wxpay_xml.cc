#include "core/payments/wxpay/wxpay_xml.h"

#include <Poco/Ascii.h>
#include <Poco/Exception.h>
#include <Poco/SAX/DefaultHandler.h>
#include <Poco/SAX/LexicalHandler.h>
#include <Poco/SAX/SAXParser.h>

namespace paynext::core::payments::wxpay {

namespace {

bool isPlainName(const std::string& key) {
  if (key.empty() || !Poco::Ascii::isAlpha(key[0])) return false;
  for (char c : key) {
    if (!Poco::Ascii::isAlphaNumeric(c) && c != '_') return false;
  }
  return true;
}

// XML 1.0 forbids the C0 controls other than tab, LF and CR, even in CDATA.
bool hasForbiddenControl(const std::string& value) {
  for (char c : value) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && u != '\t' && u != '\n' && u != '\r') return true;
  }
  return false;
}

// Collects <xml><key>text</key>...</xml> and throws on anything else. The
// lexical handler sees the DOCTYPE before any declaration inside it, so
// refusing there means no entity is ever defined.
class FlatXmlHandler : public Poco::XML::DefaultHandler, public Poco::XML::LexicalHandler {
 public:
  explicit FlatXmlHandler(std::string root) : root_(std::move(root)) {}
  Fields take() { return std::move(fields_); }

  void startElement(const Poco::XML::XMLString&, const Poco::XML::XMLString&, const Poco::XML::XMLString& name,
                    const Poco::XML::Attributes&) override {
    if (depth_ == 0 && name != root_) {
      throw WxpayXmlError("the root element is <" + name + ">, not <" + root_ + ">");
    }
    if (depth_ == 1) {
      key_ = name;
      text_.clear();
    }
    if (depth_ == 2) throw WxpayXmlError("nested element <" + name + "> inside <" + key_ + ">");
    ++depth_;
  }

  void endElement(const Poco::XML::XMLString&, const Poco::XML::XMLString&, const Poco::XML::XMLString&) override {
    --depth_;
    if (depth_ == 1 && !fields_.emplace(key_, text_).second) throw WxpayXmlError("duplicate field <" + key_ + ">");
  }

  void characters(const Poco::XML::XMLChar ch[], int start, int length) override {
    if (depth_ == 2) {
      text_.append(ch + start, static_cast<std::size_t>(length));
      return;
    }
    for (int i = start; i < start + length; ++i) {
      if (!Poco::Ascii::isSpace(ch[i])) throw WxpayXmlError("text outside of a field");
    }
  }

  void startDTD(const Poco::XML::XMLString&, const Poco::XML::XMLString&, const Poco::XML::XMLString&) override {
    throw WxpayXmlError("DOCTYPE declarations are not accepted");
  }
  void endDTD() override {}
  void startEntity(const Poco::XML::XMLString&) override {}
  void endEntity(const Poco::XML::XMLString&) override {}
  void startCDATA() override {}
  void endCDATA() override {}
  void comment(const Poco::XML::XMLChar[], int, int) override {}

 private:
  const std::string root_;
  int depth_ = 0;
  std::string key_;
  std::string text_;
  Fields fields_;
};

}  // namespace

std::string toXml(const Fields& fields, const std::string& root) {
  // Written by hand rather than with Poco::XML::XMLWriter: the exact shape
  // WeChat's own SDKs send, with every value in CDATA.
  std::string xml = "<" + root + ">";
  for (const auto& [key, value] : fields) {
    if (!isPlainName(key)) throw WxpayXmlError("field name '" + key + "' is not a plain XML name");
    if (hasForbiddenControl(value)) throw WxpayXmlError("field " + key + " holds a control character");
    std::string escaped;
    escaped.reserve(value.size());
    for (std::size_t i = 0; i < value.size(); ++i) {
      // "]]>" would end the section early: close it between "]]" and ">".
      if (value.compare(i, 3, "]]>") == 0) {
        escaped += "]]]]><![CDATA[>";
        i += 2;
      } else {
        escaped += value[i];
      }
    }
    xml += "<" + key + "><![CDATA[" + escaped + "]]></" + key + ">";
  }
  return xml + "</" + root + ">";
}

Fields parseXml(const std::string& xml, const std::string& root) {
  FlatXmlHandler handler(root);
  Poco::XML::SAXParser parser;
  parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, false);
  parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_GENERAL_ENTITIES, false);
  parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_PARAMETER_ENTITIES, false);
  parser.setContentHandler(&handler);
  parser.setProperty(Poco::XML::XMLReader::PROPERTY_LEXICAL_HANDLER, static_cast<Poco::XML::LexicalHandler*>(&handler));
  try {
    parser.parseString(xml);
  } catch (const Poco::Exception& e) {  // SAXParseException mostly, with line and column
    throw WxpayXmlError("malformed XML: " + e.message());
  }
  return handler.take();
}

}  // namespace paynext::core::payments::wxpay
