#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

namespace paynext::core::ledger {

// One change of a wallet, as the ledger recorded it.
struct LedgerEntry {
  std::int64_t id = 0;
  std::string currency;  // balance, frozen or points
  std::int64_t amount = 0;        // signed: fen, or points
  std::int64_t balanceAfter = 0;  // that currency's total after the change
  std::string reason;
  std::int64_t createdAt = 0;  // ms since the epoch
};

// A user's ledger, newest first: `limit` entries from `offset`.
std::vector<LedgerEntry> ledgerEntries(Poco::Data::Session& session, std::int64_t factoryId, std::int64_t userId,
                                       int offset, int limit);

}  // namespace paynext::core::ledger
