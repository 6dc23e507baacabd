#include "provider_client.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/String.h>
#include <Poco/Timespan.h>

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

// Cuts at most max bytes without splitting a UTF-8 character.
std::string truncateUtf8(const std::string& s, std::size_t max) {
  if (s.size() <= max) return s;
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end) + "…";
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
  return trimmed.empty() ? reason : truncateUtf8(trimmed, kMaxMessageBytes);
}

ProviderClient::ProviderClient(const sdk::HttpClientSettings& settings) : settings_(settings) {}

bool ProviderClient::supports(const std::string& url) {
  try {
    const Poco::URI uri(url);
    return uri.getScheme() == "http" && !uri.getHost().empty();
  } catch (const Poco::SyntaxException&) {
    return false;
  }
}

std::unique_ptr<Poco::Net::HTTPClientSession> ProviderClient::open(const Poco::URI& uri) const {
  if (uri.getScheme() != "http") throw Poco::InvalidArgumentException("unsupported scheme", uri.getScheme());
  auto session = std::make_unique<Poco::Net::HTTPClientSession>(uri.getHost(), uri.getPort());
  const Poco::Timespan io(static_cast<Poco::Timespan::TimeDiff>(settings_.timeoutMs) * 1000);
  session->setTimeout(Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(settings_.connectTimeoutMs) * 1000), io, io);
  return session;
}

ProviderReply ProviderClient::postJson(const std::string& url, const std::string& idempotencyKey,
                                       const std::string& json) {
  const Poco::URI uri(url);
  auto session = open(uri);
  const std::string target = uri.getPathAndQuery().empty() ? "/" : uri.getPathAndQuery();
  Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, target, Poco::Net::HTTPMessage::HTTP_1_1);
  request.setContentType("application/json; charset=utf-8");
  request.setContentLength(static_cast<std::streamsize>(json.size()));
  request.set("Idempotency-Key", idempotencyKey);
  request.setKeepAlive(false);
  session->sendRequest(request) << json;

  Poco::Net::HTTPResponse response;
  std::istream& in = session->receiveResponse(response);
  ProviderReply reply;
  reply.status = static_cast<int>(response.getStatus());
  reply.reason = response.getReason();
  // A provider cannot make us hold more than kMaxReplyBytes of its answer.
  std::string buffer(kMaxReplyBytes, '\0');
  in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  buffer.resize(static_cast<std::size_t>(in.gcount()));
  reply.body = std::move(buffer);
  return reply;
}

}  // namespace paynext::plugins::sms
