#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "activation_record.h"
#include "package_order.h"
#include "record_store.h"

namespace paynext::plugins::campus {

// What the type 2001 step activates for a paid payment.
struct ActivationRequest {
  std::int64_t userId = 0;
  PayType payType = PayType::Buy;
  std::string outTradeId;
  std::string empName;
  std::string idempotencyKey;
  std::int64_t now = 0;  // ms since the epoch
};

// Writes one record per package, with its period:
//   buy      starts now, or when the user's current period of the same package ends
//   renew    starts when the latest period of the package ends (now if that is past)
//   upgrade  ends the user's running packages of the same type now and starts now
// Each period lasts the package's durationDays.
std::vector<ActivationRecord> activate(RecordStore& records, const PackageOrder& order,
                                       const ActivationRequest& request);

}  // namespace paynext::plugins::campus
