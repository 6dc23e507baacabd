#pragma once
#include <cstdint>

#include "paynext/sdk/job.h"

namespace paynext::plugins::jdjingli {

// How long after its ttl a pending order is left PENDING (it already reads
// as EXPIRED and cannot be priced): a step whose effect told JD "paid" just
// before the ttl still finds it pending in its execute.
constexpr std::int64_t kExpiryGraceMs = 2 * 60 * 1000;

// expire_orders, every minute: PENDING orders past ttl + grace -> EXPIRED.
sdk::Job expiryJob();

}  // namespace paynext::plugins::jdjingli
