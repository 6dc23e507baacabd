#pragma once
#include <functional>
#include <string>

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>

#include "paynext/sdk/action_context.h"
#include "paynext/sdk/ledger.h"

namespace paynext::sdk {

struct RouteContext {
  Scope scope;
  Poco::JSON::Object::Ptr params;  // query, form and JSON body fields merged
  Ledger& ledger;                  // the logged-in user's wallet (throws without a user)
};

// Answer in the API工厂 envelope {"code":..,"data":..,"msg":..}.
struct RouteResponse {
  int code = 0;
  std::string msg = "success";
  Poco::Dynamic::Var data;
};

// Who may call a route, and so where it is mounted:
//   User   /{factory}{path}, needs a valid user token (mobile API)
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
};

}  // namespace paynext::sdk
