#pragma once
// A stand-in for the coupons module's service (services/coupons.h), for
// modules that take coupons: coupons held by users, each with the money it
// takes off and its threshold, checked against the amount it is quoted on,
// like the real service; redemptions idempotent by reference.
//   auto coupons = std::make_shared<MemoryCoupons>();
//   coupons->coupons[7] = MemoryCoupons::Held{userId, 500, 0, ""};
//   h.services().provide<services::CouponsService>(coupons, "优惠券");
#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/money.h"
#include "paynext/sdk/services/coupons.h"

namespace paynext::sdk::testing {

class MemoryCoupons : public services::CouponsService {
 public:
  struct Held {
    std::int64_t userId = 0;
    Fen money = 0;
    Fen minAmount = 0;
    std::string usedBy;  // the reference that redeemed it
  };
  std::map<std::int64_t, Held> coupons;
  std::map<std::string, services::CouponQuote> redemptions;

  std::vector<services::Coupon> usable(Scope&, std::int64_t, Fen) override { return {}; }

  services::CouponQuote quote(Scope&, std::int64_t userId, const std::vector<std::int64_t>& ids,
                              Fen amount) override {
    services::CouponQuote q;
    q.amount = amount;
    for (auto id : ids) {
      auto it = coupons.find(id);
      const std::string name = "优惠券 " + std::to_string(id);
      if (it == coupons.end() || it->second.userId != userId) throw Error(codes::kCouponGone, name + " 不存在");
      if (!it->second.usedBy.empty()) throw Error(codes::kCouponTaken, name + " 已使用");
      if (amount < it->second.minAmount) {
        throw Error(codes::kCouponUnavailable, name + " 需满 " + formatYuan(it->second.minAmount) + " 元可用");
      }
      q.discount += std::min(it->second.money, amount - q.discount);
    }
    q.payable = amount - q.discount;
    q.couponIds = ids;
    return q;
  }

  services::CouponQuote redeem(Scope& scope, std::int64_t userId, const std::vector<std::int64_t>& ids,
                               Fen amount, const std::string& reference) override {
    if (auto it = redemptions.find(reference); it != redemptions.end()) return it->second;
    const auto q = quote(scope, userId, ids, amount);
    for (auto id : ids) coupons[id].usedBy = reference;
    redemptions[reference] = q;
    return q;
  }

  bool release(Scope&, const std::string& reference) override {
    for (auto& [id, held] : coupons) {
      if (held.usedBy == reference) held.usedBy.clear();
    }
    return redemptions.erase(reference) > 0;
  }
};

}  // namespace paynext::sdk::testing
