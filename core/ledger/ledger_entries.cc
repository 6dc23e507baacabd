#include "core/ledger/ledger_entries.h"

#include <Poco/Tuple.h>

namespace paynext::core::ledger {

using namespace Poco::Data::Keywords;

std::vector<LedgerEntry> ledgerEntries(Poco::Data::Session& session, std::int64_t factoryId, std::int64_t userId,
                                       int offset, int limit) {
  std::vector<Poco::Tuple<std::int64_t, std::string, std::int64_t, std::int64_t, std::string, std::int64_t>> rows;
  session << "SELECT id, currency, amount, balance_after, reason, created_at FROM ledger_entries "
             "WHERE factory_id = $1 AND user_id = $2 ORDER BY id DESC LIMIT $3 OFFSET $4",
      use(factoryId), use(userId), use(limit), use(offset), into(rows), now;
  std::vector<LedgerEntry> entries;
  entries.reserve(rows.size());
  for (const auto& r : rows) {
    entries.push_back({r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>(), r.get<4>(), r.get<5>()});
  }
  return entries;
}

}  // namespace paynext::core::ledger
