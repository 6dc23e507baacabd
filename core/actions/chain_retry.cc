#include "core/actions/chain_retry.h"

#include <vector>

#include "core/common/clock.h"

namespace paynext::core::actions {

using namespace Poco::Data::Keywords;

int retryFailedChain(Poco::Data::Session& s, std::int64_t factoryId, const std::string& outTradeId) {
  std::vector<std::int64_t> paymentIds;
  std::vector<int> seqs;
  std::string out = outTradeId;
  s << "SELECT s.payment_id, s.seq FROM chain_steps s JOIN payments p ON p.id = s.payment_id "
       "WHERE p.factory_id = $1 AND p.out_trade_id = $2 AND s.status = 'FAILED'",
      use(factoryId), use(out), into(paymentIds), into(seqs), now;
  if (seqs.empty()) return -1;
  std::int64_t at = nowMs();
  s << "UPDATE chain_steps SET status = 'PENDING', attempts = 0, next_run_at = $1, lease_until = 0, lease_owner = '', "
       "updated_at = $1 WHERE payment_id = $2 AND seq >= $3 AND status IN ('FAILED', 'SKIPPED')",
      use(at), use(paymentIds[0]), use(seqs[0]), now;
  return seqs[0];
}

}  // namespace paynext::core::actions
