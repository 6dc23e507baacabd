#pragma once
#include "paynext/sdk/visibility.h"
#include <cstdint>
#include <ostream>
#include <string>

#include <Poco/Dynamic/Var.h>

#include "paynext/sdk/money.h"

namespace paynext::sdk {

// How the user pays the part of a payment that is not points: a channel the
// server offers, by name, and the channel's client kind. The server's
// channels are WeChat Pay ("wxpay": "jsapi" in a mini-program or official
// account, "app" in an app) and Alipay ("alipay": "app" for the Alipay SDK's
// order string, "wap" for the mobile-browser page); a name or kind the server
// does not offer is refused at payment creation. Empty: points only, settled
// at once.
struct PayChannel {
  std::string name;
  std::string method;

  bool none() const { return name.empty(); }
  static PayChannel pointsOnly() { return {}; }
  static PayChannel wxpay(const std::string& method) { return {"wxpay", method}; }
  static PayChannel alipay(const std::string& method) { return {"alipay", method}; }
  friend bool operator==(const PayChannel& a, const PayChannel& b) {
    return a.name == b.name && a.method == b.method;
  }
  friend bool operator!=(const PayChannel& a, const PayChannel& b) { return !(a == b); }
  friend std::ostream& operator<<(std::ostream& out, const PayChannel& c) {
    return out << (c.none() ? std::string("points") : c.name + "/" + c.method);
  }
};

struct CheckoutRequest {
  PayChannel channel;       // none(): points only
  Fen money = 0;            // through the channel; 0 exactly when the channel is none()
  std::int64_t points = 0;  // the wallet's points, converted at the factory's rate when paid
  std::string subject;      // shown by the channel; "在线支付" when empty
  std::string body;
  std::string nextAction;  // the chain to run once paid, as the mobile API takes it
  std::string clientIp;
  std::string openid;  // WeChat JSAPI only
  // Alipay WAP only: where the browser goes once paid (return_url) and when
  // the user leaves the payment page (quit_url); empty = not sent.
  std::string returnUrl;
  std::string quitUrl;
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
  bool live = true;               // false when the factory's channel settings are marked as a test ("test": true)
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
