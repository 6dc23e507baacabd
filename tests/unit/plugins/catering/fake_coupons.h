#pragma once
// A stand-in for the coupons module's service: coupons held by users, each
// with the money it takes off and its threshold, checked against the amount
// it is quoted on, like the real service; redemptions idempotent by reference.
#include <map>
#include <string>
#include <vector>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/services/coupons.h"

namespace paynext::plugins::catering::test {

class FakeCoupons : public sdk::services::CouponsService {
 public:
  struct Held {
    std::int64_t userId = 0;
    sdk::Fen money = 0;
    sdk::Fen minAmount = 0;
    std::string usedBy;  // the reference that redeemed it
  };
  std::map<std::int64_t, Held> coupons;
  std::map<std::string, sdk::services::CouponQuote> redemptions;

  std::vector<sdk::services::Coupon> usable(sdk::Scope&, std::int64_t, sdk::Fen) override { return {}; }

  sdk::services::CouponQuote quote(sdk::Scope&, std::int64_t userId, const std::vector<std::int64_t>& ids,
                                   sdk::Fen amount) override {
    sdk::services::CouponQuote q;
    q.amount = amount;
    for (auto id : ids) {
      auto it = coupons.find(id);
      const std::string name = "优惠券 " + std::to_string(id);
      if (it == coupons.end() || it->second.userId != userId) throw sdk::Error(20001, name + " 不存在");
      if (!it->second.usedBy.empty()) throw sdk::Error(20002, name + " 已使用");
      if (amount < it->second.minAmount) {
        throw sdk::Error(20004, name + " 需满 " + sdk::formatYuan(it->second.minAmount) + " 元可用");
      }
      q.discount += std::min(it->second.money, amount - q.discount);
    }
    q.payable = amount - q.discount;
    q.couponIds = ids;
    return q;
  }

  sdk::services::CouponQuote redeem(sdk::Scope& scope, std::int64_t userId, const std::vector<std::int64_t>& ids,
                                    sdk::Fen amount, const std::string& reference) override {
    if (auto it = redemptions.find(reference); it != redemptions.end()) return it->second;
    const auto q = quote(scope, userId, ids, amount);
    for (auto id : ids) coupons[id].usedBy = reference;
    redemptions[reference] = q;
    return q;
  }

  bool release(sdk::Scope&, const std::string& reference) override {
    for (auto& [id, held] : coupons) {
      if (held.usedBy == reference) held.usedBy.clear();
    }
    return redemptions.erase(reference) > 0;
  }
};

}  // namespace paynext::plugins::catering::test
