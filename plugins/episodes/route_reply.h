#pragma once
#include <Poco/Dynamic/Var.h>

#include "paynext/sdk/route.h"

namespace paynext::plugins::episodes {

// What the user and admin routes both answer.
sdk::RouteResponse ok(Poco::Dynamic::Var data);

}  // namespace paynext::plugins::episodes
