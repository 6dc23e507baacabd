#include "buy_qualification_handler.h"

#include "paynext/sdk/errors.h"

#include "grant_store.h"
#include "holder_store.h"
#include "offer_store.h"
#include "purchase_check.h"
#include "qualification_grant.h"

namespace paynext::plugins::qualifications {

sdk::Fen BuyQualificationHandler::validate(sdk::ValidateContext& ctx) {
  OfferStore offers(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  HolderStore holders(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  // The amount is the admins' price, never what the payment carries.
  return payableOffer(offers, holders, kind_, ctx.scope.userId).price;
}

sdk::StepResult BuyQualificationHandler::execute(sdk::ExecuteContext& ctx) {
  const std::string reference = "qualifications:" + ctx.idempotencyKey;
  GrantStore grants(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  if (auto done = grants.find(reference)) return sdk::StepResult::done(toJson(*done));

  OfferStore offers(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  HolderStore holders(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  Offer offer;
  Holding holding;
  try {
    // The offer may have changed, or another payment granted it for good, since validate.
    offer = payableOffer(offers, holders, kind_, ctx.scope.userId);
    holding = grantQualification(holders, kind_, offer, ctx.scope.userId, ctx.scope.clock.nowMs());
    ctx.ledger.debit(offer.price, kind_.actionTitle, reference);
  } catch (const sdk::InsufficientFunds&) {
    // Failing rolls the grant back with the step.
    return sdk::StepResult::fail("余额不足,购买「" + kind_.name + "」资格需要 " + sdk::formatYuan(offer.price) + " 元");
  } catch (const sdk::Error& e) {
    return sdk::StepResult::fail(e.what());
  }
  Grant grant{0,         ctx.scope.userId, kind_.type, offer.price, offer.days, offer.permanent, holding.expiresAt,
              reference, 0};
  // What admins see of the step: the grant, as the purchase lists show it.
  return sdk::StepResult::done(toJson(grants.add(grant)));
}

}  // namespace paynext::plugins::qualifications
