#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include <Poco/Data/Session.h>

#include "core/ledger/wallet_ledger.h"
#include "paynext/sdk/users.h"
#include "paynext/sdk/wallets.h"

namespace paynext::core::plugin_context {

// Wallets of one factory's users in the caller's session; every entry is
// tagged with the caller's origin (a step's key, "job:<module>/<name>", ...).
class SessionWallets : public sdk::Wallets {
 public:
  SessionWallets(Poco::Data::Session& session, std::int64_t factoryId, sdk::Users& users, std::string origin)
      : session_(session), factoryId_(factoryId), users_(users), origin_(std::move(origin)) {}

  sdk::Ledger& of(std::int64_t userId) override;
  // of() without looking the user up, for one the host knows is of this
  // factory (a payment's payer): one statement fewer for every step.
  sdk::Ledger& ofKnownUser(std::int64_t userId);

 private:
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
  sdk::Users& users_;
  std::string origin_;
  std::map<std::int64_t, std::unique_ptr<ledger::WalletLedger>> ledgers_;
};

}  // namespace paynext::core::plugin_context
