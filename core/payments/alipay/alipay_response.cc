#include "core/payments/alipay/alipay_response.h"

#include <map>

#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>
#include <Poco/String.h>

#include "core/payments/alipay/alipay_sign.h"

namespace paynext::core::payments::alipay {

namespace {

const std::string kErrorNode = "error_response";

// Walks the top level of a JSON object already known to be valid and
// returns each member's raw value text, keyed by the raw key text.
class TopLevelScanner {
 public:
  explicit TopLevelScanner(const std::string& json) : json_(json) {}

  std::map<std::string, std::string> members() {
    std::map<std::string, std::string> members;
    skipSpace();
    expect('{');
    skipSpace();
    if (peek() == '}') return members;
    while (true) {
      skipSpace();
      const std::size_t keyStart = pos_;
      skipString();
      std::string key = json_.substr(keyStart + 1, pos_ - keyStart - 2);
      skipSpace();
      expect(':');
      skipSpace();
      const std::size_t valueStart = pos_;
      skipValue();
      if (!members.emplace(std::move(key), json_.substr(valueStart, pos_ - valueStart)).second) {
        throw AlipayError("a top-level key is repeated");
      }
      skipSpace();
      if (peek() == '}') return members;
      expect(',');
    }
  }

 private:
  char peek() const {
    if (pos_ >= json_.size()) throw AlipayError("unexpected end of JSON");
    return json_[pos_];
  }
  void expect(char c) {
    if (peek() != c) throw AlipayError(std::string("expected '") + c + "'");
    ++pos_;
  }
  void skipSpace() {
    while (pos_ < json_.size() &&
           (json_[pos_] == ' ' || json_[pos_] == '\t' || json_[pos_] == '\r' || json_[pos_] == '\n')) {
      ++pos_;
    }
  }
  void skipString() {
    expect('"');
    while (peek() != '"') pos_ += peek() == '\\' ? 2 : 1;
    ++pos_;
  }
  void skipValue() {
    const char c = peek();
    if (c == '"') return skipString();
    if (c != '{' && c != '[') {
      while (pos_ < json_.size() && std::string(",}] \t\r\n").find(json_[pos_]) == std::string::npos) ++pos_;
      return;
    }
    int depth = 0;
    do {
      const char d = peek();
      if (d == '"') {
        skipString();
        continue;
      }
      if (d == '{' || d == '[') ++depth;
      if (d == '}' || d == ']') --depth;
      ++pos_;
    } while (depth > 0);
  }

  const std::string& json_;
  std::size_t pos_ = 0;
};

}  // namespace

std::string responseNodeName(const std::string& method) { return Poco::replace(method, ".", "_") + "_response"; }

SignedResponse parseResponse(const std::string& body, const std::string& method) {
  Poco::JSON::Object::Ptr root;
  std::map<std::string, std::string> members;
  try {
    root = Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>();
    members = TopLevelScanner(body).members();
  } catch (const Poco::Exception& e) {
    throw AlipayError("not a JSON object: " + e.message());
  } catch (const AlipayError& e) {
    throw AlipayError(std::string("not a JSON object: ") + e.what());
  }
  std::string name = responseNodeName(method);
  if (members.count(name) == 0) name = kErrorNode;
  if (members.count(name) == 0 || !root->isObject(name))
    throw AlipayError("no " + responseNodeName(method) + " object");

  SignedResponse response;
  response.nodeText = members.at(name);
  response.node = root->getObject(name);
  if (root->has("sign") && root->get("sign").isString()) response.sign = root->getValue<std::string>("sign");
  return response;
}

bool verifyResponse(const SignedResponse& response, const Poco::Crypto::RSAKey& alipayPublicKey) {
  if (response.sign.empty()) return false;
  if (rsa2Verify(response.nodeText, response.sign, alipayPublicKey)) return true;
  return response.nodeText.find("\\/") != std::string::npos &&
         rsa2Verify(Poco::replace(response.nodeText, "\\/", "/"), response.sign, alipayPublicKey);
}

}  // namespace paynext::core::payments::alipay
