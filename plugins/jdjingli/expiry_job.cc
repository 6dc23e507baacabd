#include "expiry_job.h"

#include "jd_order_store.h"

namespace paynext::plugins::jdjingli {

sdk::Job expiryJob() {
  return {"expire_orders", 60 * 1000, [](sdk::JobContext& ctx) {
            JdOrderStore orders(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
            const int n = orders.expire(ctx.scope.clock.nowMs() - kExpiryGraceMs);
            if (n > 0) ctx.scope.logger.information("jdjingli: %d JD orders expired", n);
          }};
}

}  // namespace paynext::plugins::jdjingli
