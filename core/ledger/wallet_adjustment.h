#pragma once
#include <cstdint>
#include <string>

#include <Poco/Data/Session.h>
#include <Poco/JSON/Object.h>

#include "core/ledger/wallet_ledger.h"

namespace paynext::core::ledger {

// An admin's correction of one user's wallet: signed amounts and why.
struct WalletAdjustment {
  sdk::Fen balance = 0;     // signed fen; 0 leaves the balance alone
  std::int64_t points = 0;  // signed; 0 leaves the points alone
  std::string reason;
};

// The most points a wallet holds after an adjustment, like sdk::kMaxFen for money.
constexpr std::int64_t kMaxPoints = sdk::kMaxFen;

// Reads {"balance":"+12.50","points":-10,"reason":"..."}: balance a yuan
// string whose sign is required, points a signed integer, at least one of
// the two and neither zero, a reason. Throws sdk::ParamError naming the field.
WalletAdjustment parseWalletAdjustment(const Poco::JSON::Object& body);

struct AppliedAdjustment {
  std::int64_t id = 0;
  std::string reference;  // admin:<admin>:<id>, on each of its ledger entries
  WalletAmounts before;
  WalletAmounts after;
};

// Applies the adjustment inside the caller's transaction: a row in
// wallet_adjustments and one ledger entry per currency changed. Refuses, with
// nothing written, a user who is not of this factory (sdk::Error 404) and a
// total that would go below zero or past the maximum (sdk::Error 409).
AppliedAdjustment applyWalletAdjustment(Poco::Data::Session& s, std::int64_t factoryId, std::int64_t userId,
                                        const std::string& admin, const WalletAdjustment& adjustment);

}  // namespace paynext::core::ledger
