#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "paynext/sdk/money.h"

namespace paynext::core::payments {

// A refund as stored: PROCESSING until the channel says SUCCESS or FAILED
// (a refund with no channel part, points only, is SUCCESS at once).
struct Refund {
  std::int64_t id = 0;
  std::int64_t factoryId = 0;
  std::int64_t paymentId = 0;
  std::int64_t userId = 0;  // whose wallet the money came from
  std::string outTradeId;
  std::string outRefundNo;
  sdk::Fen amount = 0;        // back to the channel
  std::int64_t points = 0;    // back to the user's points
  sdk::Fen pointsFen = 0;     // what those points were worth when paid: taken from the wallet
  std::int64_t earnedPoints = 0;  // points the payment had earned, taken back
  std::string reason;
  std::string status;  // PROCESSING, SUCCESS, FAILED
  std::string channelRefundId;
  std::string failure;
  std::string actor;
  std::int64_t createdAt = 0;
  std::int64_t finishedAt = 0;
};

// What a payment's refunds so far add up to. A FAILED refund gave its channel
// money and the earned points it took back to the user again, so those two
// leave it out; its points part went back to the user's points all the same.
struct RefundedSoFar {
  sdk::Fen amount = 0;
  std::int64_t points = 0;
  sdk::Fen pointsFen = 0;
  std::int64_t earnedPoints = 0;
};

// A refund still waiting for its channel, as the poller sees it.
struct PendingRefund {
  std::int64_t factoryId = 0;
  std::string factoryName;  // names its notify URL
  std::string channel;
  std::string outTradeId;
  std::string outRefundNo;
  sdk::Fen amount = 0;
  sdk::Fen total = 0;
  std::string reason;
};

// The refunds table, in the caller's session (and transaction).
class RefundStore {
 public:
  explicit RefundStore(Poco::Data::Session& session) : session_(session) {}

  std::optional<Refund> find(std::int64_t factoryId, const std::string& outRefundNo);
  std::vector<Refund> ofPayment(std::int64_t factoryId, const std::string& outTradeId);
  RefundedSoFar refundedSoFar(std::int64_t paymentId);
  void insert(const Refund& refund);
  // PROCESSING -> status; false when the refund was no longer PROCESSING (or is not this factory's).
  bool finish(std::int64_t factoryId, const std::string& outRefundNo, const std::string& status,
              const std::string& channelRefundId, const std::string& failure, std::int64_t at);
  // What the channel said about a refund still under way (e.g. one waiting
  // for the merchant's hand), kept for admins to see.
  void note(std::int64_t factoryId, const std::string& outRefundNo, const std::string& channelRefundId,
            const std::string& note);
  // PROCESSING refunds not asked about since notPolledSince, oldest first;
  // each is marked asked now, so pollers take turns.
  std::vector<PendingRefund> takePending(std::int64_t notPolledSince, int limit, bool skipLocked, std::int64_t at);

 private:
  Poco::Data::Session& session_;
};

}  // namespace paynext::core::payments
