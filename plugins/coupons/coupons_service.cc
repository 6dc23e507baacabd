#include "coupons_service.h"

#include <set>

#include "paynext/sdk/errors.h"

#include "coupon_store.h"
#include "discount.h"

namespace paynext::plugins::coupons {

namespace c = sdk::codes;
using sdk::services::CouponQuote;

namespace {

constexpr int kMaxCoupons = 20;
constexpr int kMaxListed = 500;

std::string named(std::int64_t id) { return "优惠券 " + std::to_string(id); }

// The coupon if the user may use it on `amount` now; else the refusal.
IssuedCoupon requireUsable(CouponStore& store, std::int64_t userId, std::int64_t id, sdk::Fen amount,
                           std::int64_t nowMs) {
  auto coupon = store.find(id);
  // Another user's coupon is answered as one that does not exist.
  if (!coupon || coupon->userId != userId) throw sdk::Error(c::kCouponGone, named(id) + " 不存在");
  if (coupon->status == kUsed) throw sdk::Error(c::kCouponTaken, named(id) + " 已使用");
  if (coupon->expiresAt <= nowMs) throw sdk::Error(c::kCouponExpired, named(id) + " 已过期");
  if (coupon->startsAt > nowMs) throw sdk::Error(c::kCouponUnavailable, named(id) + " 尚未生效");
  if (amount < coupon->terms.minAmount) {
    throw sdk::Error(c::kCouponUnavailable,
                     named(id) + " 需满 " + sdk::formatYuan(coupon->terms.minAmount) + " 元可用");
  }
  return *coupon;
}

struct Priced {
  CouponQuote quote;
  std::vector<IssuedCoupon> coupons;
};

Priced price(sdk::Scope& scope, std::int64_t userId, const std::vector<std::int64_t>& ids, sdk::Fen amount) {
  if (amount < 0 || amount > sdk::kMaxFen) throw sdk::Error(c::kBadRequest, "金额无效");
  if (ids.size() > kMaxCoupons) throw sdk::Error(c::kBadRequest, "一次最多使用 20 张优惠券");
  std::set<std::int64_t> seen;
  for (auto id : ids) {
    if (!seen.insert(id).second) throw sdk::Error(c::kBadRequest, named(id) + " 重复");
  }
  CouponStore store(scope.session, scope.factoryId);
  Priced out;
  out.quote.amount = amount;
  for (auto id : ids) {
    auto coupon = requireUsable(store, userId, id, amount, scope.clock.nowMs());
    out.quote.discount += discountOf(coupon.terms, amount - out.quote.discount);
    out.coupons.push_back(coupon);
  }
  out.quote.payable = amount - out.quote.discount;
  out.quote.couponIds = ids;
  return out;
}

}  // namespace

std::vector<sdk::services::Coupon> CouponsServiceImpl::usable(sdk::Scope& scope, std::int64_t userId,
                                                             sdk::Fen amount) {
  CouponStore store(scope.session, scope.factoryId);
  CouponFilter filter;
  filter.userId = userId;
  filter.show = kShowUsable;
  filter.limit = kMaxListed;
  const auto nowMs = scope.clock.nowMs();
  std::vector<sdk::services::Coupon> out;
  for (const auto& coupon : store.list(filter, nowMs)) {
    if (coupon.startsAt > nowMs || (amount > 0 && amount < coupon.terms.minAmount)) continue;
    // With no amount a 折扣's worth is unknown: 0.
    sdk::Fen money = coupon.terms.kind == kReduce ? coupon.terms.money : 0;
    if (amount > 0) money = discountOf(coupon.terms, amount);
    out.push_back({coupon.id, coupon.terms.name, money, coupon.terms.minAmount, coupon.expiresAt});
  }
  return out;
}

CouponQuote CouponsServiceImpl::quote(sdk::Scope& scope, std::int64_t userId, const std::vector<std::int64_t>& couponIds,
                                      sdk::Fen amount) {
  return price(scope, userId, couponIds, amount).quote;
}

CouponQuote CouponsServiceImpl::redeem(sdk::Scope& scope, std::int64_t userId,
                                       const std::vector<std::int64_t>& couponIds, sdk::Fen amount,
                                       const std::string& reference) {
  if (reference.empty()) throw sdk::Error(c::kBadRequest, "核销优惠券需要 reference");
  CouponStore store(scope.session, scope.factoryId);
  if (auto first = store.findRedemption(reference)) return *first;
  const auto priced = price(scope, userId, couponIds, amount);
  const auto nowMs = scope.clock.nowMs();
  for (const auto& coupon : priced.coupons) {
    // Guarded by its status: a coupon redeemed meanwhile under another reference is refused.
    if (!store.markUsed(coupon.id, userId, reference, nowMs)) {
      throw sdk::Error(c::kCouponTaken, named(coupon.id) + " 已使用");
    }
  }
  store.saveRedemption(userId, reference, priced.quote, nowMs);
  return priced.quote;
}

bool CouponsServiceImpl::release(sdk::Scope& scope, const std::string& reference) {
  CouponStore store(scope.session, scope.factoryId);
  store.unmarkUsed(reference);
  return store.deleteRedemption(reference);
}

}  // namespace paynext::plugins::coupons
