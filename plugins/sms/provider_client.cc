#include "provider_client.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>
#include <Poco/String.h>

#include "paynext/sdk/reply_excerpt.h"

namespace paynext::plugins::sms {

namespace {

constexpr std::size_t kMaxMessageBytes = 200;

Poco::JSON::Object::Ptr jsonObject(const std::string& body) {
  try {
    Poco::JSON::Parser parser;
    const Poco::Dynamic::Var v = parser.parse(body);
    if (v.type() == typeid(Poco::JSON::Object::Ptr)) return v.extract<Poco::JSON::Object::Ptr>();
  } catch (const Poco::Exception&) {
    // not JSON: the caller falls back to the raw text
  }
  return nullptr;
}

std::string text(const Poco::JSON::Object& object, const std::string& name) {
  if (!object.has(name) || object.isNull(name)) return {};
  const Poco::Dynamic::Var v = object.get(name);
  return v.isString() || v.isNumeric() ? v.toString() : std::string();
}

// Cuts at most max bytes without splitting a UTF-8 character; what admins see
// of it is sanitised (control characters and invalid bytes replaced).
std::string truncateUtf8(const std::string& s, std::size_t max) {
  if (s.size() <= max) return sdk::replyExcerpt(s, max);
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return sdk::replyExcerpt(s.substr(0, end), max) + "…";
}

}  // namespace

std::string ProviderReply::messageId() const {
  auto json = jsonObject(body);
  return json ? text(*json, "messageId") : std::string();
}

std::string ProviderReply::message() const {
  if (auto json = jsonObject(body)) {
    for (const char* name : {"message", "msg"}) {
      std::string m = text(*json, name);
      if (!m.empty()) return truncateUtf8(m, kMaxMessageBytes);
    }
  }
  const std::string trimmed = Poco::trim(body);
  return truncateUtf8(trimmed.empty() ? reason : trimmed, kMaxMessageBytes);
}

ProviderReply ProviderClient::postJson(const std::string& url, const std::string& idempotencyKey,
                                       const std::string& json) {
  sdk::HttpRequest request;
  request.method = "POST";
  request.url = url;
  request.contentType = "application/json; charset=utf-8";
  request.headers["Idempotency-Key"] = idempotencyKey;
  request.body = json;
  const sdk::HttpReply reply = http_.send(request);
  return ProviderReply{reply.status, reply.reason, reply.body};
}

}  // namespace paynext::plugins::sms
