#pragma once
#include <string>
#include <vector>

#include "paynext/sdk/checkout.h"
#include "paynext/sdk/clock.h"
#include "paynext/sdk/errors.h"

namespace paynext::sdk::testing {

// Records what a route asks to be paid and answers like the host would, with
// made-up trade ids: "PNTEST1", "PNTEST2", ...
class MemoryCheckout : public Checkout {
 public:
  std::vector<CheckoutRequest> requests;
  Fen fenPerPoint = 0;           // 0: the factory has no points rate
  Poco::Dynamic::Var payParams;  // answered for channel payments
  const Clock* clock = nullptr;  // the harness's; creation times follow it
  bool live = true;              // false: the factory's channel is a test one

  CheckoutResult pay(const CheckoutRequest& request) override {
    requests.push_back(request);
    CheckoutResult out;
    out.outTradeId = "PNTEST" + std::to_string(requests.size());
    out.status = request.channel.none() ? "PAID" : "CREATED";
    out.money = request.money;
    out.points = request.points;
    out.pointsFen = request.points > 0 ? pointsValue(request.points) : 0;
    if (!request.channel.none()) out.payParams = payParams;
    out.createdAt = clock ? clock->nowMs() : 1700000000000;
    out.expiresAt = out.createdAt + 7200000;
    out.live = live;
    return out;
  }
  Fen pointsValue(std::int64_t points) override {
    if (fenPerPoint <= 0) throw Error(codes::kBadRequest, "本工厂未开通积分支付");
    return points * fenPerPoint;
  }
};

}  // namespace paynext::sdk::testing
