#include "create_organization_handler.h"

#include "paynext/sdk/errors.h"

#include "create_request.h"
#include "organization_store.h"
#include "payable.h"
#include "price_store.h"

namespace paynext::plugins::organizations {

namespace {

const std::string kReason = "创建新组织";

Poco::JSON::Object::Ptr details(const Organization& org) {
  Poco::JSON::Object::Ptr result = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  result->set("organizeId", org.id);
  result->set("priceId", org.priceId);
  result->set("amount", sdk::yuanNumber(org.amount));
  result->set("expiresAt", org.expiresAt);
  return result;
}

}  // namespace

sdk::Fen CreateOrganizationHandler::validate(sdk::ValidateContext& ctx) {
  const auto request = CreateRequest::parse(*ctx.params);
  PriceStore prices(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  // The amount is the admin's price, never what the payment carries.
  return payableItem(prices, request.priceId).price;
}

sdk::StepResult CreateOrganizationHandler::execute(sdk::ExecuteContext& ctx) {
  const std::string reference = "organizations:" + ctx.idempotencyKey;
  OrganizationStore orgs(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  if (auto done = orgs.findByReference(reference)) return sdk::StepResult::done(details(*done));

  CreateRequest request;
  PriceItem item;
  try {
    request = CreateRequest::parse(*ctx.params);
    PriceStore prices(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
    item = payableItem(prices, request.priceId);  // the admin may have changed it meanwhile
  } catch (const sdk::Error& e) {
    return sdk::StepResult::fail(e.what());
  }
  try {
    ctx.ledger.debit(item.price, kReason, reference);
  } catch (const sdk::InsufficientFunds&) {
    return sdk::StepResult::fail("余额不足,创建组织需要 " + sdk::formatYuan(item.price) + " 元");
  }
  Organization org;
  org.ownerId = ctx.scope.userId;
  org.name = request.name;
  org.remark = request.remark;
  org.priceId = item.id;
  org.memberCap = item.memberCap;
  org.expiresAt = ctx.scope.clock.nowMs() + item.days * kDayMs;
  org.amount = item.price;
  org.reference = reference;
  return sdk::StepResult::done(details(orgs.create(org)));
}

}  // namespace paynext::plugins::organizations
