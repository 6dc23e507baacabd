#pragma once
#include <cstdint>

#include <Poco/JSON/Object.h>

#include "paynext/sdk/action_context.h"

namespace paynext::plugins::cpmatch {

// {userId, nickname, mobile (masked)} of a user of the scope's factory, as a
// match or a pair's side shows it; read through scope.users, never more.
Poco::JSON::Object::Ptr personJson(sdk::Scope& scope, std::int64_t userId);

}  // namespace paynext::plugins::cpmatch
