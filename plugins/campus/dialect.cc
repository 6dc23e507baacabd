#include "dialect.h"

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

namespace paynext::plugins::campus::dialect {

namespace p = sdk::params;

Poco::Dynamic::Var refusalBody(int /*code*/, const std::string& message) {
  Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  body->set("error", 1);
  body->set("message", message);
  body->set("data", Poco::Dynamic::Var());
  return body;
}

sdk::RouteResponse success(const Poco::Dynamic::Var& data) {
  Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  body->set("error", 0);
  body->set("data", data);
  sdk::RouteResponse r;
  r.body = body;
  return r;
}

sdk::Route route(const std::string& path, std::function<sdk::RouteResponse(sdk::RouteContext&)> handler) {
  sdk::Route r;
  r.method = "POST";
  r.path = path;
  r.audience = sdk::Audience::User;
  r.writes = false;  // they read, or open a payment (its own transaction)
  r.handler = std::move(handler);
  r.refusal = refusalBody;
  return r;
}

void checkUserId(const Poco::JSON::Object& params, const sdk::Scope& scope, bool optional) {
  if (optional && !p::has(params, "userID")) return;
  const std::string userId = p::requireString(params, "userID");
  if (userId != std::to_string(scope.userId)) throw sdk::ParamError("userID", "userID 与当前登录用户不符");
}

Poco::Dynamic::Var yuanValue(sdk::Fen fen) {
  if (fen % 100 == 0) return static_cast<Poco::Int64>(fen / 100);
  return sdk::yuanNumber(fen);
}

}  // namespace paynext::plugins::campus::dialect
