#pragma once
#include <optional>
#include <string_view>

#include "paynext/sdk/money.h"

namespace paynext::core::ledger {

// A signed yuan amount such as "+12.50" or "-3" into signed fen; the digits
// follow sdk::parseYuan's rules (at most two decimals, no junk). The sign is
// required, so that a forgotten minus never turns a deduction into a credit.
// nullopt for anything else.
std::optional<sdk::Fen> parseSignedYuan(std::string_view text);

}  // namespace paynext::core::ledger
