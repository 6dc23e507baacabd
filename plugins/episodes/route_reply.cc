#include "route_reply.h"

#include "paynext/sdk/errors.h"

namespace paynext::plugins::episodes {

sdk::RouteResponse ok(Poco::Dynamic::Var data) { return sdk::RouteResponse{sdk::codes::kOk, "success", data}; }

}  // namespace paynext::plugins::episodes
