#include "core/payments/payment_channel.h"

namespace paynext::core::payments {

const std::string& outcomeLabel(NotifyOutcome outcome) {
  static const std::string labels[] = {"settled",        "refunded",        "duplicate",      "payment_failed",
                                       "not_configured", "bad_signature",   "malformed",      "wrong_merchant",
                                       "unknown_payment", "amount_mismatch", "unknown_factory", "error"};
  return labels[static_cast<int>(outcome)];
}

bool acknowledged(NotifyOutcome outcome) {
  return outcome == NotifyOutcome::Settled || outcome == NotifyOutcome::Refunded ||
         outcome == NotifyOutcome::Duplicate || outcome == NotifyOutcome::PaymentFailed;
}

NotificationReading NotificationReading::verified(PaymentReport report) {
  NotificationReading reading;
  reading.report = std::move(report);
  return reading;
}

NotificationReading NotificationReading::verified(RefundReport refund) {
  NotificationReading reading;
  reading.refund = std::move(refund);
  return reading;
}

NotificationReading NotificationReading::refused(NotifyOutcome why, std::string detail) {
  NotificationReading reading;
  reading.refusal = why;
  reading.detail = std::move(detail);
  return reading;
}

}  // namespace paynext::core::payments
