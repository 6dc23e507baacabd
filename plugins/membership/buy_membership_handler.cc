#include "buy_membership_handler.h"

#include "paynext/sdk/errors.h"

#include "catalog_store.h"
#include "member_store.h"
#include "membership_request.h"
#include "price_check.h"

namespace paynext::plugins::membership {

namespace {

const std::string kReason = "购买会员";

Poco::JSON::Object::Ptr details(const Purchase& purchase) {
  Poco::JSON::Object::Ptr result = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  result->set("purchaseId", purchase.id);
  result->set("levelId", purchase.levelId);
  result->set("amount", sdk::yuanNumber(purchase.amount));
  result->set("expiresAt", purchase.expiresAt);
  return result;
}

}  // namespace

sdk::Fen BuyMembershipHandler::validate(sdk::ValidateContext& ctx) {
  const auto request = MembershipRequest::parse(*ctx.params);
  CatalogStore catalog(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  // The amount is the admin's price, never what the payment carries.
  return payablePrice(catalog, request.priceId, request.autoRenew).price;
}

sdk::StepResult BuyMembershipHandler::execute(sdk::ExecuteContext& ctx) {
  const std::string reference = "membership:" + ctx.idempotencyKey;
  MemberStore members(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  if (auto done = members.findPurchase(reference)) return sdk::StepResult::done(details(*done));

  MembershipRequest request;
  PriceItem item;
  try {
    request = MembershipRequest::parse(*ctx.params);
    CatalogStore catalog(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
    item = payablePrice(catalog, request.priceId, request.autoRenew);  // the admin may have changed it meanwhile
  } catch (const sdk::Error& e) {
    return sdk::StepResult::fail(e.what());
  }
  try {
    ctx.ledger.debit(item.price, kReason, reference);
  } catch (const sdk::InsufficientFunds&) {
    return sdk::StepResult::fail("余额不足,无法支付会员费 " + sdk::formatYuan(item.price) + " 元");
  }

  const std::int64_t now = ctx.scope.clock.nowMs();
  Member member;
  member.userId = ctx.scope.userId;
  std::int64_t from = now;
  if (auto current = members.findMember(ctx.scope.userId)) {
    member = *current;
    // The same level, still running, extends; anything else starts over from now.
    if (current->levelId == item.levelId && current->expiresAt > now) from = current->expiresAt;
  }
  member.levelId = item.levelId;
  member.priceId = item.id;
  member.expiresAt = from + item.days * kDayMs;
  member.autoRenew = request.autoRenew;
  members.saveMember(member);

  Purchase purchase{0,     ctx.scope.userId, item.levelId,     item.id,   item.days, item.price,
                    request.autoRenew, request.remark, member.expiresAt, reference, 0};
  return sdk::StepResult::done(details(members.addPurchase(purchase)));
}

}  // namespace paynext::plugins::membership
