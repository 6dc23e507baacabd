#pragma once
#include <cstdint>

#include "paynext/sdk/action_context.h"

#include "order.h"
#include "service.h"

namespace paynext::plugins::addbell {

// What adding `units` to a user's order costs and gives now, from the
// service as stored: /addbell/quote answers it, /addbell/apply records it.
struct AddBellQuote {
  Order order;
  Service service;
  std::int64_t units = 0;
  std::int64_t minutes = 0;
  sdk::Fen amount = 0;

  // Checks the order is the user's and running, its service takes add-bells
  // and units is 1..maxUnits. Throws sdk::Error / sdk::ParamError (units).
  static AddBellQuote make(sdk::Scope& scope, std::int64_t orderId, std::int64_t units);
};

}  // namespace paynext::plugins::addbell
