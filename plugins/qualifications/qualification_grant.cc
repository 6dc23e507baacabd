#include "qualification_grant.h"

#include "paynext/sdk/errors.h"

#include "purchase_check.h"

namespace paynext::plugins::qualifications {

namespace {
// Each lost race means another grant committed; a few in a row is no longer a race.
constexpr int kAttempts = 3;
}  // namespace

Holding grantQualification(HolderStore& holders, const Kind& kind, const Offer& offer, std::int64_t userId,
                           std::int64_t nowMs) {
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    const auto current = holders.find(userId, kind.type);
    if (current && current->permanent) throw sdk::Error(sdk::codes::kBadRequest, alreadyPermanent(kind));
    Holding next;
    next.userId = userId;
    next.type = kind.type;
    next.permanent = offer.permanent;
    if (!offer.permanent) {
      const std::int64_t from = current && current->expiresAt > nowMs ? current->expiresAt : nowMs;
      next.expiresAt = from + offer.days * kDayMs;
    }
    if (holders.replace(current, next)) return *holders.find(userId, kind.type);
  }
  throw sdk::Error(409, "「" + kind.name + "」资格正被其他支付更新,请稍后重试");
}

}  // namespace paynext::plugins::qualifications
