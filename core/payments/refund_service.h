#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/payments/payment_service.h"
#include "core/payments/refund_store.h"
#include "core/storage/database.h"
#include "core/tenancy/factory_store.h"

namespace paynext::core::payments {

struct RefundRequest {
  std::string outTradeId;
  sdk::Fen amount = 0;      // back to the channel (the payment's channel part)
  std::int64_t points = 0;  // back to the user's points (the payment's points part)
  std::string reason;
  std::string refundNo;  // the caller's, for idempotency; empty: paynext makes one
  std::string actor;     // the admin asking
};

// Money back. The money of a paid payment sits in the user's wallet (the
// settlement put it there), so a refund takes it from the wallet first, in
// the transaction that records the refund, and only then asks the channel:
// a refund the wallet cannot cover is refused with what is missing, and the
// refunds of a payment never add up to more than it paid, also when two are
// asked at once. Points paid go back to the user's points, and points the
// payment earned are taken back in proportion. A refund the channel refuses
// puts the money back in the wallet.
class RefundService {
 public:
  RefundService(storage::Database& db, PaymentService& payments, std::string publicBaseUrl)
      : db_(db), payments_(payments), notifyBaseUrl_(std::move(publicBaseUrl) + "/notify/") {}

  struct Outcome {
    Refund refund;
    bool created = false;  // false: the same refundNo again; nothing changed
  };
  // Throws sdk::Error: 404 unknown payment, 409 not refundable (unpaid, more
  // than is left, the wallet short, the refundNo used for another refund),
  // 400 a bad request; nothing changed.
  Outcome refund(const tenancy::Factory& factory, const RefundRequest& request);

  // The channel's word on a refund (its answer, a notification or a query):
  // PROCESSING ends once; FAILED puts the channel money (and the earned
  // points taken back) in the wallet again.
  enum class Finish { Finished, AlreadyFinished, Unknown };
  Finish finish(std::int64_t factoryId, const RefundReport& report);

  std::vector<Refund> ofPayment(std::int64_t factoryId, const std::string& outTradeId);

  // Refunds still processing since notPolledSince: asked about, and sent
  // again when the channel never received them. Returns how many.
  int pollOnce(std::int64_t notPolledSince, int limit);

 private:
  Outcome record(const tenancy::Factory& factory, const RefundRequest& request, const std::string& refundNo);
  void askChannel(const PendingRefund& refund);
  void follow(const PendingRefund& refund);

  storage::Database& db_;
  PaymentService& payments_;
  std::string notifyBaseUrl_;
};

}  // namespace paynext::core::payments
