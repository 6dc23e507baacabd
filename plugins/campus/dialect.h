#pragma once
// The campus-card API's wire format (001): {"error":0,"data":...} on success,
// {"error":1,"message":"...","data":null} on refusal.
#include <functional>
#include <string>

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>

#include "paynext/sdk/route.h"

namespace paynext::plugins::campus::dialect {

Poco::Dynamic::Var refusalBody(int code, const std::string& message);
sdk::RouteResponse success(const Poco::Dynamic::Var& data);

// A POST route for the logged-in user that answers in this dialect.
sdk::Route route(const std::string& path, std::function<sdk::RouteResponse(sdk::RouteContext&)> handler);

// The document's `userID` is the logged-in user: paynext takes it only when
// it names the user of the token. Required unless `optional`.
void checkUserId(const Poco::JSON::Object& params, const sdk::Scope& scope, bool optional = false);

// A yuan amount as the document shows it (itemValue 158, or 0.01).
Poco::Dynamic::Var yuanValue(sdk::Fen fen);

}  // namespace paynext::plugins::campus::dialect
