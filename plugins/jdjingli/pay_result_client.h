#pragma once
#include <cstdint>
#include <string>

#include "paynext/sdk/http_client.h"

#include "jd_order.h"
#include "order_bill.h"

namespace paynext::plugins::jdjingli {

// What JD is told when a user pays one of its orders.
struct PayResult {
  std::string outTradeId;      // paynext's payment
  std::string idempotencyKey;  // the paying step's: the same on every attempt
  std::int64_t couponId = 0;
  JdBill bill;
};

// POSTs the pay result to the order's payResultUrl through the host's client
// (its timeouts and outbound policy), with the step's key as Idempotency-Key
// and signed like JD's pushes (X-Jd-Timestamp, X-Jd-Signature) when the
// factory has a secret. Network failures surface as sdk::HttpError.
class PayResultClient {
 public:
  PayResultClient(sdk::HttpClient& http, std::string secret) : http_(http), secret_(std::move(secret)) {}

  // The JSON body: {"orderNo","token","status":"PAID","amount","discount","paid","couponId","outTradeId","idempotencyKey"}.
  static std::string bodyOf(const JdOrder& order, const PayResult& result);

  sdk::HttpReply send(const JdOrder& order, const PayResult& result, std::int64_t nowMs);

 private:
  sdk::HttpClient& http_;
  std::string secret_;
};

}  // namespace paynext::plugins::jdjingli
