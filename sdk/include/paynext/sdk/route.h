#pragma once
#include <functional>
#include <map>
#include <string>

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "paynext/sdk/action_context.h"
#include "paynext/sdk/checkout.h"
#include "paynext/sdk/errors.h"
#include "paynext/sdk/http_client.h"
#include "paynext/sdk/ledger.h"

namespace paynext::sdk {

struct RouteContext {
  Scope scope;
  Poco::JSON::Object::Ptr params;  // query, form and JSON body fields merged
  Ledger& ledger;                  // the logged-in user's wallet (throws without a user)
  Checkout& checkout;              // payments for the logged-in user (throws without a user)
  std::string clientIp;            // the caller's address, as channels want it for a payment
  HttpClient& http;                // outside calls: only in routes with writes = false
  // The request as sent, for a Public route that checks a partner's
  // signature over the exact bytes: the body, and the headers with their
  // names in lower case.
  std::string body;
  std::map<std::string, std::string> headers;
};

// What a route answers. User and Public routes: the API工厂 envelope
// {"code":..,"msg":..,"data":..} (HTTP 200 whatever the code), or, for a
// route that speaks another API's dialect, `body` as the whole answer.
// Admin routes: `data` as bare JSON (201 for POST, 200 otherwise); a code
// other than 0 is a refusal, answered like a thrown Error.
struct RouteResponse {
  RouteResponse(int c = 0, std::string m = "success", Poco::Dynamic::Var d = {})
      : code(c), msg(std::move(m)), data(std::move(d)) {}

  // code 0 with data.
  static RouteResponse ok(Poco::Dynamic::Var d = {}) { return RouteResponse(codes::kOk, "success", std::move(d)); }
  // An empty list, answered as API工厂 answers one: code 700 "暂无数据".
  static RouteResponse noData() { return RouteResponse(codes::kNoData, "暂无数据"); }
  // A mobile list: ok(items), or noData() when there are none.
  static RouteResponse list(const Poco::JSON::Array::Ptr& items) {
    return items && items->size() > 0 ? ok(items) : noData();
  }

  int code = 0;
  std::string msg = "success";
  Poco::Dynamic::Var data;
  Poco::Dynamic::Var body;  // when not empty: sent as it is instead of the envelope
};

// Formats a refusal (code and message of an Error, a missing login, a module
// that is not enabled, an internal error) as the whole JSON answer.
using RefusalFormatter = std::function<Poco::Dynamic::Var(int code, const std::string& msg)>;

// Who may call a route, and so where it is mounted:
//   User   /{factory}{path}, needs a valid user token (mobile API): the
//          `token` parameter, or a `token` header
//   Public /{factory}{path}, no token
//   Admin  /admin/api/factories/{factory}/modules/{module}{path}, admin bearer
//          token (a module's own settings, e.g. the SMS channels); shown in
//          the console under 模块设置 with the route's title
// User and Public routes answer only where the module is enabled for the
// factory (else code 404 "模块「title」未启用..."). Refusals, by audience:
//   User, Public  envelope {"code":<Error::code()>,"msg":..,"data":null}, or
//                 the route's `refusal` formatter when it has one
//   Admin         HTTP status 404 for codes 404/700, 409 and 500 as they are,
//                 400 otherwise, with {"error":{"status":..,"message":..}}
// An exception that is not an sdk::Error answers 500 "服务器内部错误" (logged).
enum class Audience { User, Public, Admin };

// An HTTP route of a module. Two routes with one method and path (across
// modules, or against core's own paths) stop the server at start-up.
struct Route {
  using Handler = std::function<RouteResponse(RouteContext&)>;

  Route() = default;
  // A route in one line, e.g. Route("POST", "/order/create", Audience::User,
  // true, createOrder), or an admin resource with the title admins see.
  Route(std::string m, std::string p, Audience a, bool w, Handler h, std::string t = "")
      : method(std::move(m)), path(std::move(p)), audience(a), writes(w), handler(std::move(h)), title(std::move(t)) {}

  // "GET", "POST", "PUT", "DELETE", or "*" for any of them. User and Public
  // routes are called with GET or POST (the mobile clients' two methods);
  // Admin routes with all four (the console's forms use PUT and DELETE).
  std::string method;
  std::string path;  // e.g. "/order/create"; exact match, no path parameters
  Audience audience = Audience::User;
  // true: the handler runs in one transaction that commits only when it
  // answers code 0; false: each statement on its own (reads, outside calls,
  // Checkout::pay, which is its own transaction).
  bool writes = false;
  Handler handler;
  RefusalFormatter refusal;  // empty: refusals use the API工厂 envelope
  std::string title;         // shown to admins, e.g. "短信设置" for a module's settings
};

}  // namespace paynext::sdk
