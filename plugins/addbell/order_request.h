#pragma once
#include <cstdint>

#include <Poco/JSON/Object.h>

#include "paynext/sdk/action_context.h"

#include "order.h"

namespace paynext::plugins::addbell {

// A service order as the front desk opens it (admin POST /orders):
//   userId (a user of this factory), serviceId, technician,
//   startTime? ("yyyy-MM-dd HH:mm:ss" China time; default now)
// The service's name, base length and price are copied in. Throws
// sdk::ParamError naming the field, sdk::Error 700 for an unknown user or service.
Order orderFromParams(const Poco::JSON::Object& params, sdk::Scope& scope);

}  // namespace paynext::plugins::addbell
