#include "claim_coupon_handler.h"

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

#include "claim_request.h"
#include "coupon_store.h"
#include "rule_store.h"

namespace paynext::plugins::coupons {

namespace c = sdk::codes;

namespace {

constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;
const std::string kReason = "领取优惠券";

std::string named(const CouponRule& rule) { return "优惠券「" + rule.terms.name + "」"; }

// Whether the caller may claim a coupon of the rule now; throws the refusal.
// validate and execute ask the same, execute again because the rule, the
// stock or the caller's coupons may have changed since the payment was made.
CouponRule requireClaimable(sdk::Scope& scope, const ClaimRequest& request) {
  auto rule = RuleStore(scope.session, scope.factoryId).find(request.couponRuleId);
  if (!rule) throw sdk::Error(c::kCouponGone, "优惠券规则 " + std::to_string(request.couponRuleId) + " 不存在");
  if (!rule->pwd.empty()) {
    if (request.pwd.empty()) throw sdk::params::missing("pwd");
    if (request.pwd != rule->pwd) throw sdk::ParamError("pwd", "参数 pwd 口令不正确");
  }
  if (!rule->enabled) throw sdk::Error(c::kCouponUnavailable, named(*rule) + "已停止发放");
  if (rule->endedAt(scope.clock.nowMs())) throw sdk::Error(c::kCouponExpired, named(*rule) + "已过期");
  if (rule->left() == 0) throw sdk::Error(c::kCouponGone, named(*rule) + "已领完");
  if (rule->perUser > 0 &&
      CouponStore(scope.session, scope.factoryId).countForUser(scope.userId, rule->id) >= rule->perUser) {
    throw sdk::Error(c::kCouponTaken, named(*rule) + "每人限领 " + std::to_string(rule->perUser) + " 张,您已领过");
  }
  return *rule;
}

IssuedCoupon couponOf(const CouponRule& rule, std::int64_t userId, const std::string& reference, std::int64_t nowMs) {
  IssuedCoupon coupon;
  coupon.ruleId = rule.id;
  coupon.userId = userId;
  coupon.terms = rule.terms;
  if (rule.validDays > 0) {
    coupon.startsAt = nowMs;
    coupon.expiresAt = nowMs + rule.validDays * kDayMs;
  } else {
    coupon.startsAt = rule.dateStart;
    coupon.expiresAt = rule.dateEnd;
  }
  coupon.status = kUsable;
  coupon.grantReference = reference;
  coupon.createdAt = nowMs;
  return coupon;
}

Poco::JSON::Object::Ptr details(const IssuedCoupon& coupon) {
  Poco::JSON::Object::Ptr result = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  result->set("couponId", coupon.id);
  result->set("couponRuleId", coupon.ruleId);
  return result;
}

}  // namespace

sdk::Fen ClaimCouponHandler::validate(sdk::ValidateContext& ctx) {
  return requireClaimable(ctx.scope, ClaimRequest::parse(*ctx.params)).price;
}

sdk::StepResult ClaimCouponHandler::execute(sdk::ExecuteContext& ctx) {
  // One coupon per step: the step's key names it in the table and the ledger.
  const std::string reference = "coupons:" + ctx.idempotencyKey;
  auto& scope = ctx.scope;
  CouponStore coupons(scope.session, scope.factoryId);
  if (auto existing = coupons.findByGrant(reference)) return sdk::StepResult::done(details(*existing));
  CouponRule rule;
  try {
    rule = requireClaimable(scope, ClaimRequest::parse(*ctx.params));
    // Taking from the stock first locks the rule's row, so the per-user count
    // below sees every claim of the rule committed before this one.
    if (!RuleStore(scope.session, scope.factoryId).takeOne(rule.id)) {
      return sdk::StepResult::fail(named(rule) + "已领完");
    }
    if (rule.perUser > 0 && coupons.countForUser(scope.userId, rule.id) >= rule.perUser) {
      return sdk::StepResult::fail(named(rule) + "每人限领 " + std::to_string(rule.perUser) + " 张,您已领过");
    }
    if (rule.price > 0) ctx.ledger.debit(rule.price, kReason, reference);
  } catch (const sdk::InsufficientFunds&) {
    return sdk::StepResult::fail("余额不足,领取" + named(rule) + "需要 " + sdk::formatYuan(rule.price) + " 元");
  } catch (const sdk::Error& e) {
    return sdk::StepResult::fail(e.what());
  }
  return sdk::StepResult::done(details(coupons.grant(couponOf(rule, scope.userId, reference, scope.clock.nowMs()))));
}

}  // namespace paynext::plugins::coupons
