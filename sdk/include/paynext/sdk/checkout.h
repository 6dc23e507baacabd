#pragma once
#include "paynext/sdk/visibility.h"
#include <cstdint>
#include <string>

#include <Poco/Dynamic/Var.h>

#include "paynext/sdk/money.h"

namespace paynext::sdk {

// How the user pays the part of a payment that is not points.
enum class PayChannel {
  None,        // points only: no channel; the payment is settled at once
  WxpayJsapi,  // WeChat Pay in a mini-program or official account (wx.requestPayment)
  WxpayApp,    // WeChat Pay in an app (the open SDK's PayReq)
  AlipayApp,   // Alipay in an app: a signed order string
  AlipayWap,   // Alipay in a mobile browser: the gateway URL
};

struct CheckoutRequest {
  PayChannel channel = PayChannel::None;
  Fen money = 0;            // through the channel; 0 exactly when channel is None
  std::int64_t points = 0;  // the wallet's points, converted at the factory's rate when paid
  std::string subject;      // shown by the channel; "在线支付" when empty
  std::string body;
  std::string nextAction;  // the chain to run once paid, as the mobile API takes it
  std::string clientIp;
  std::string openid;  // WeChat JSAPI only
};

struct CheckoutResult {
  std::string outTradeId;
  std::string status;  // "CREATED" (waiting for the channel) or "PAID" (points only)
  Fen money = 0;
  std::int64_t points = 0;
  Fen pointsFen = 0;              // what the points are worth at this factory's rate
  Poco::Dynamic::Var payParams;   // the channel's own pay parameters; empty for points only
  std::int64_t createdAt = 0;     // ms since the epoch
  std::int64_t expiresAt = 0;     // ms since the epoch; unpaid then, the payment is closed
};

// Given to user routes: opens a payment for the logged-in user the way the
// mobile pay endpoints do (chain validated, nothing stored on refusal). Only
// for routes declared with writes = false: a payment is its own transaction
// and may call the channel over the network.
class PAYNEXT_SDK_API Checkout {
 public:
  virtual ~Checkout() = default;

  virtual CheckoutResult pay(const CheckoutRequest& request) = 0;
  // The factory's points rate (system parameter points.fenPerPoint); throws
  // Error when the factory has not set one.
  virtual Fen pointsValue(std::int64_t points) = 0;
};

}  // namespace paynext::sdk
