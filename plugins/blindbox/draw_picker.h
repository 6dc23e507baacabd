#pragma once
#include <cstdint>

#include "paynext/sdk/action_context.h"

#include "box.h"

namespace paynext::plugins::blindbox {

// One draw of the scope's user, in the caller's write transaction: picks a
// random drawable box (a random offset over the eligible rows in id order,
// counted first, rather than ORDER BY RANDOM() over the whole table), spends
// one draw and records it. Throws sdk::Error, spending nothing, when the user
// has no draw left or no box is left to draw.
Box drawOne(sdk::Scope& scope);

}  // namespace paynext::plugins::blindbox
