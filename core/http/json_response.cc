#include "core/http/json_response.h"

#include <sstream>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

namespace paynext::core::http {

void sendText(Poco::Net::HTTPServerResponse& response, int status, const std::string& contentType,
              const std::string& body) {
  // With its reason phrase: setStatus alone leaves "OK" on every status.
  response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
  response.setContentType(contentType);
  response.setContentLength64(static_cast<Poco::Int64>(body.size()));
  response.send() << body;
}

void sendJson(Poco::Net::HTTPServerResponse& response, int status, const Poco::Dynamic::Var& body) {
  std::ostringstream out;
  Poco::JSON::Stringifier::condense(body, out);
  sendText(response, status, "application/json; charset=utf-8", out.str());
}

void sendEnvelope(Poco::Net::HTTPServerResponse& response, int code, const std::string& msg,
                  const Poco::Dynamic::Var& data, int status) {
  Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  body->set("code", code);
  body->set("data", data);
  body->set("msg", msg);
  sendJson(response, status, body);
}

void sendAdminError(Poco::Net::HTTPServerResponse& response, int status, const std::string& message) {
  Poco::JSON::Object::Ptr error = new Poco::JSON::Object;
  error->set("status", status);
  error->set("message", message);
  Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
  body->set("error", error);
  sendJson(response, status, body);
}

}  // namespace paynext::core::http
