#pragma once
#include <cstdint>
#include <string>

#include "order.h"

namespace paynext::plugins::addbell::refusals {

// The module's refusals, worded once: routes, validate and execute share them.
std::string orderNotFound(std::int64_t orderId);
std::string recordNotFound(std::int64_t recordId);
std::string alreadyPaid(std::int64_t recordId);
std::string expired(std::int64_t recordId);
std::string orderFinished(std::int64_t orderId);
// Throws sdk::Error (300) unless the order is running at `now`.
void requireRunning(const Order& order, std::int64_t now);

}  // namespace paynext::plugins::addbell::refusals
