#include "upgrade_organization_handler.h"

#include "paynext/sdk/errors.h"

#include "organization_store.h"
#include "payable.h"
#include "price_store.h"
#include "upgrade_request.h"

namespace paynext::plugins::organizations {

namespace {

const std::string kReason = "升级组织规模";

UpgradeTarget targetOf(sdk::Scope& scope, const Poco::JSON::Object& params) {
  const auto request = UpgradeRequest::parse(params);
  OrganizationStore orgs(scope.session, scope.factoryId, scope.clock);
  PriceStore prices(scope.session, scope.factoryId, scope.clock);
  return upgradeTarget(orgs, prices, scope.userId, request.organizeId, request.priceId);
}

}  // namespace

sdk::Fen UpgradeOrganizationHandler::validate(sdk::ValidateContext& ctx) {
  // The new item's full price, as the admin set it.
  return targetOf(ctx.scope, *ctx.params).item.price;
}

sdk::StepResult UpgradeOrganizationHandler::execute(sdk::ExecuteContext& ctx) {
  const std::string reference = "organizations:" + ctx.idempotencyKey;
  OrganizationStore orgs(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  if (auto done = orgs.findUpgrade(reference)) return sdk::StepResult::done(toJson(*done));

  UpgradeTarget target;
  try {
    // Another payment may have upgraded it, or the admin changed the item, since validate.
    target = targetOf(ctx.scope, *ctx.params);
  } catch (const sdk::Error& e) {
    return sdk::StepResult::fail(e.what());
  }
  try {
    ctx.ledger.debit(target.item.price, kReason, reference);
  } catch (const sdk::InsufficientFunds&) {
    return sdk::StepResult::fail("余额不足,升级组织规模需要 " + sdk::formatYuan(target.item.price) + " 元");
  }
  const std::int64_t expiresAt = ctx.scope.clock.nowMs() + target.item.days * kDayMs;
  if (!orgs.upgrade(target.organization.id, target.item.id, target.item.memberCap, expiresAt)) {
    // Not reached while transactions run as if serial; kept so no path upgrades twice.
    return sdk::StepResult::fail("组织 " + std::to_string(target.organization.id) + " 已升级,请勿重复支付");
  }
  Upgrade upgrade;
  upgrade.organizationId = target.organization.id;
  upgrade.userId = ctx.scope.userId;
  upgrade.fromPriceId = target.organization.priceId;
  upgrade.toPriceId = target.item.id;
  upgrade.memberCap = target.item.memberCap;
  upgrade.amount = target.item.price;
  upgrade.expiresAt = expiresAt;
  upgrade.reference = reference;
  return sdk::StepResult::done(toJson(orgs.addUpgrade(upgrade)));
}

}  // namespace paynext::plugins::organizations
