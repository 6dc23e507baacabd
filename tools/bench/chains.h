#pragma once
// Notification-to-chain-done: payments with a two-step nextAction are
// created untimed, then their notifications are sent and the time until
// every chain step is DONE is measured.
#include <cstddef>

#include "tools/bench/paynext_process.h"

namespace paynext::tools::bench {

// Seconds from the first of `chains` notifications to the last step done.
double chainSeconds(const PaynextProcess& paynext, std::size_t chains, int clients);

}  // namespace paynext::tools::bench
