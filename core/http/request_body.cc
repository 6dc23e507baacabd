#include "core/http/request_body.h"

#include <Poco/JSON/JSONException.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/String.h>
#include <Poco/URI.h>

namespace paynext::core::http {

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
  return parsed.extract<Poco::JSON::Object::Ptr>();
}

Poco::JSON::Object::Ptr requestParams(Poco::Net::HTTPServerRequest& request, const std::string& body,
                                      const BodyLimits& limits) {
  Poco::JSON::Object::Ptr params = new Poco::JSON::Object;
  for (const auto& [name, value] : Poco::URI(request.getURI()).getQueryParameters()) params->set(name, value);
  if (body.empty()) return params;
  const std::string type = Poco::toLower(request.getContentType());
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
  return params;
}

}  // namespace paynext::core::http
