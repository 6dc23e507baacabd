#pragma once
#include <cstdint>
#include <string>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "core/storage/database.h"

namespace paynext::core::payments {

struct PaymentFilter {
  std::string status;
  std::string channel;
  std::string outTradeId;
  std::int64_t userId = 0;
  std::int64_t fromMs = 0;  // created_at >= fromMs
  std::int64_t toMs = 0;    // created_at < toMs (0: no bound)
  int limit = 50;
  int offset = 0;
};

// Read-only views of payments for admins, always within one factory.
class PaymentQueries {
 public:
  explicit PaymentQueries(storage::Database& db) : db_(db) {}

  Poco::JSON::Array::Ptr search(std::int64_t factoryId, const PaymentFilter& filter);
  // The payment with its notifications, ledger entries, chain steps and refunds; null when unknown.
  Poco::JSON::Object::Ptr detail(std::int64_t factoryId, const std::string& outTradeId);
  // Its refunds, oldest first (fen): refundNo, amount, points, pointsFen, earnedPoints, reason, status,
  // channelRefundId, failure, actor, createdAt, finishedAt.
  Poco::JSON::Array::Ptr refunds(std::int64_t factoryId, const std::string& outTradeId);

 private:
  Poco::JSON::Array::Ptr refunds(Poco::Data::Session& s, std::int64_t factoryId, const std::string& outTradeId);

  storage::Database& db_;
};

}  // namespace paynext::core::payments
