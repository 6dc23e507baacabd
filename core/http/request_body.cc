#include "core/http/request_body.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/JSONException.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/String.h>
#include <Poco/UTF8Encoding.h>
#include <Poco/URI.h>

namespace paynext::core::http {

namespace {

bool isUtf8(const std::string& text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  for (std::size_t i = 0; i < size;) {
    const unsigned char lead = bytes[i];
    const int length = lead < 0x80 ? 1 : (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3 : (lead & 0xF8) == 0xF0 ? 4 : 0;
    // isLegal refuses overlong forms, surrogates and bad continuation bytes.
    if (length == 0 || i + length > size || !Poco::UTF8Encoding::isLegal(bytes + i, length)) return false;
    i += static_cast<std::size_t>(length);
  }
  return true;
}

void requireUtf8(const Poco::Dynamic::Var& value, const std::string& field) {
  if (value.type() == typeid(std::string)) {
    if (!isUtf8(value.extract<std::string>())) throw BadRequest(400, "参数 " + field + " 不是有效的 UTF-8 文本");
  } else if (value.type() == typeid(Poco::JSON::Object::Ptr)) {
    for (const auto& [name, inner] : *value.extract<Poco::JSON::Object::Ptr>()) requireUtf8(inner, field);
  } else if (value.type() == typeid(Poco::JSON::Array::Ptr)) {
    for (const auto& inner : *value.extract<Poco::JSON::Array::Ptr>()) requireUtf8(inner, field);
  }
}

// Names are checked first, so a message can quote them.
const Poco::JSON::Object::Ptr& requireUtf8(const Poco::JSON::Object::Ptr& params) {
  for (const auto& [name, value] : *params) {
    if (!isUtf8(name)) throw BadRequest(400, "参数名不是有效的 UTF-8 文本");
  }
  for (const auto& [name, value] : *params) requireUtf8(value, name);
  return params;
}

}  // namespace

// A bad percent-escape in the query is the client's mistake, not a crash:
// Poco reports it with a URISyntaxException.
Poco::URI::QueryParameters queryParameters(const std::string& uri) {
  try {
    return Poco::URI(uri).getQueryParameters();
  } catch (const Poco::Exception& e) {
    throw BadRequest(400, "查询字符串格式错误:" + e.message());
  }
}

std::string readBody(Poco::Net::HTTPServerRequest& request, const BodyLimits& limits) {
  if (request.hasContentLength() && request.getContentLength64() > static_cast<Poco::Int64>(limits.maxBytes)) {
    throw BadRequest(413, "请求体过大(最多 " + std::to_string(limits.maxBytes) + " 字节)");
  }
  std::string body;
  std::istream& in = request.stream();
  char buffer[8192];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    body.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (body.size() > limits.maxBytes) {
      throw BadRequest(413, "请求体过大(最多 " + std::to_string(limits.maxBytes) + " 字节)");
    }
  }
  return body;
}

Poco::JSON::Object::Ptr parseJsonObject(const std::string& body, const BodyLimits& limits) {
  Poco::JSON::Parser parser;
  parser.setDepth(static_cast<std::size_t>(limits.maxJsonDepth));
  Poco::Dynamic::Var parsed;
  try {
    parsed = parser.parse(body);
  } catch (const Poco::Exception& e) {
    throw BadRequest(400, "请求体不是有效的 JSON:" + e.message());
  }
  if (parsed.type() != typeid(Poco::JSON::Object::Ptr)) throw BadRequest(400, "请求体必须是 JSON 对象");
  return requireUtf8(parsed.extract<Poco::JSON::Object::Ptr>());
}

Poco::JSON::Object::Ptr requestParams(Poco::Net::HTTPServerRequest& request, const std::string& body,
                                      const BodyLimits& limits) {
  return requestParams(request.getURI(), request.getContentType(), body, limits);
}

Poco::JSON::Object::Ptr requestParams(const std::string& uri, const std::string& contentType,
                                      const std::string& body, const BodyLimits& limits) {
  Poco::JSON::Object::Ptr params = new Poco::JSON::Object;
  for (const auto& [name, value] : queryParameters(uri)) params->set(name, value);
  if (body.empty()) return requireUtf8(params);
  const std::string type = Poco::toLower(contentType);
  if (type.find("application/json") != std::string::npos) {
    auto json = parseJsonObject(body, limits);
    for (const auto& [name, value] : *json) params->set(name, value);
  } else {
    Poco::Net::HTMLForm form;
    try {
      form.read(body);
    } catch (const Poco::Exception& e) {
      throw BadRequest(400, "表单格式错误:" + e.message());
    }
    for (const auto& [name, value] : form) params->set(name, value);
  }
  return requireUtf8(params);
}

}  // namespace paynext::core::http
