#pragma once
#include <cstdint>
#include <string>

#include <Poco/Data/Session.h>

namespace paynext::core::actions {

// An admin's manual retry: the failed step of a payment's chain and the steps
// it skipped go back to PENDING with fresh attempts. Returns the failed
// step's seq, or -1 when the chain has no failed step.
int retryFailedChain(Poco::Data::Session& s, std::int64_t factoryId, const std::string& outTradeId);

}  // namespace paynext::core::actions
