#include "auto_renew_job.h"

#include "paynext/sdk/errors.h"

#include "catalog_store.h"
#include "member_store.h"

namespace paynext::plugins::membership {

namespace {

const std::string kReason = "会员自动续费";

// Why the member cannot be renewed on its price item, or empty when it can.
std::string unrenewable(const std::optional<PriceItem>& item, std::int64_t priceId) {
  const std::string name = "会员价格项 " + std::to_string(priceId);
  if (!item) return name + " 不存在";
  if (!item->enabled) return name + " 已停用";
  if (!item->autoRenew) return name + " 不支持自动续费";
  return {};
}

void renew(sdk::Scope& scope, CatalogStore& catalog, MemberStore& members, Member member, std::int64_t now) {
  // One reference per member and expiry: a run that is retried cannot charge twice.
  const std::string reference =
      "membership:renew:" + std::to_string(member.userId) + ":" + std::to_string(member.expiresAt);
  Renewal renewal{0, member.userId, member.levelId, member.priceId, 0, kLapsed, "", member.expiresAt, reference, 0};
  const auto item = catalog.findPrice(member.priceId);
  std::string why = unrenewable(item, member.priceId);
  if (why.empty()) {
    renewal.amount = item->price;
    try {
      scope.wallets.of(member.userId).debit(item->price, kReason, reference);
    } catch (const sdk::InsufficientFunds&) {
      why = "余额不足:续费需 " + sdk::formatYuan(item->price) + " 元";
    } catch (const sdk::Error& e) {
      why = e.what();  // the user is gone
    }
  }
  if (!why.empty()) {
    member.autoRenew = false;
    renewal.reason = why;
  } else {
    // Continuous from the old expiry; after a long outage, from now, so no
    // one pays for time that already passed.
    const std::int64_t from = member.expiresAt + item->days * kDayMs > now ? member.expiresAt : now;
    member.expiresAt = from + item->days * kDayMs;
    renewal.status = kRenewed;
    renewal.expiresAt = member.expiresAt;
  }
  members.saveMember(member);
  members.addRenewal(renewal);
}

}  // namespace

void renewDueMembers(sdk::JobContext& ctx) {
  sdk::Scope& scope = ctx.scope;
  const std::int64_t now = scope.clock.nowMs();
  CatalogStore catalog(scope.session, scope.factoryId, scope.clock);
  MemberStore members(scope.session, scope.factoryId, scope.clock);
  for (const auto& member : members.dueForRenewal(now)) renew(scope, catalog, members, member, now);
}

sdk::Job autoRenewJob() { return sdk::Job{"auto_renew", 60000, renewDueMembers}; }

}  // namespace paynext::plugins::membership
