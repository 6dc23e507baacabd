#pragma once
#include <functional>
#include <string>

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>

#include "paynext/sdk/action_context.h"
#include "paynext/sdk/checkout.h"
#include "paynext/sdk/ledger.h"

namespace paynext::sdk {

struct RouteContext {
  Scope scope;
  Poco::JSON::Object::Ptr params;  // query, form and JSON body fields merged
  Ledger& ledger;                  // the logged-in user's wallet (throws without a user)
  Checkout& checkout;              // payments for the logged-in user (throws without a user)
  std::string clientIp;            // the caller's address, as channels want it for a payment
};

// Answer in the API工厂 envelope {"code":..,"data":..,"msg":..}, or, for a
// route that speaks another API's dialect, with `body` as the whole answer.
struct RouteResponse {
  RouteResponse(int c = 0, std::string m = "success", Poco::Dynamic::Var d = {})
      : code(c), msg(std::move(m)), data(std::move(d)) {}

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
//          token (a module's own settings, e.g. the SMS channels)
// Mobile routes answer only where the module is enabled for the factory.
enum class Audience { User, Public, Admin };

// An HTTP route of a module. Routes that write run inside one transaction.
struct Route {
  std::string method;  // "GET", "POST" or "*" for both
  std::string path;    // e.g. "/order/create"
  Audience audience = Audience::User;
  bool writes = false;
  std::function<RouteResponse(RouteContext&)> handler;
  RefusalFormatter refusal;  // empty: refusals use the API工厂 envelope
  std::string title;         // shown to admins, e.g. "短信设置" for a module's settings
};

}  // namespace paynext::sdk
