#include "activation.h"

#include <algorithm>

namespace paynext::plugins::campus {

namespace {
constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;
}  // namespace

std::vector<ActivationRecord> activate(RecordStore& records, const PackageOrder& order,
                                       const ActivationRequest& request) {
  if (request.payType == PayType::Upgrade) records.endActive(request.userId, order.packageType(), request.now);
  std::vector<ActivationRecord> out;
  for (const auto& pkg : order.packages()) {
    ActivationRecord r;
    r.id = recordId(request.outTradeId, pkg.id);
    r.userId = request.userId;
    r.packageId = pkg.id;
    r.itemName = pkg.itemName;
    r.packageType = pkg.type;
    r.payType = static_cast<int>(request.payType);
    r.outTradeId = request.outTradeId;
    r.empName = request.empName;
    r.startAt = request.now;
    if (request.payType != PayType::Upgrade) {
      // Buy and renew both follow the period still running (or booked) for the package.
      r.startAt = std::max(request.now, records.latestEnd(request.userId, pkg.id).value_or(request.now));
    }
    r.endAt = r.startAt + pkg.durationDays * kDayMs;
    r.idempotencyKey = request.idempotencyKey;
    r.createdAt = request.now;
    records.insert(r);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace paynext::plugins::campus
