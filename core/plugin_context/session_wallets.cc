#include "core/plugin_context/session_wallets.h"

#include "paynext/sdk/errors.h"
#include "paynext/sdk/messages.h"

namespace paynext::core::plugin_context {

sdk::Ledger& SessionWallets::of(std::int64_t userId) {
  if (auto it = ledgers_.find(userId); it != ledgers_.end()) return *it->second;
  // A user of another factory is as unknown here as one that never existed.
  if (userId <= 0 || !users_.find(userId)) {
    throw sdk::Error(sdk::codes::kNoData, sdk::messages::userNotFound(userId));
  }
  return ofKnownUser(userId);
}

sdk::Ledger& SessionWallets::ofKnownUser(std::int64_t userId) {
  auto& slot = ledgers_[userId];
  if (!slot) slot = std::make_unique<ledger::WalletLedger>(session_, factoryId_, userId, origin_);
  return *slot;
}

}  // namespace paynext::core::plugin_context
