#include "buy_card_handler.h"

#include "paynext/sdk/errors.h"

#include "buy_request.h"
#include "issued_store.h"
#include "payable_card.h"

namespace paynext::plugins::membercard {

namespace {

const std::string kReason = "购买会员卡";

Poco::JSON::Object::Ptr details(const Purchase& purchase, const std::string& number) {
  auto result = toJson(purchase);
  result->set("number", number);
  return result;
}

}  // namespace

sdk::Fen BuyCardHandler::validate(sdk::ValidateContext& ctx) {
  const auto request = BuyRequest::parse(*ctx.params);
  CardStore cards(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  // The amount is the admin's price, never what the payment carries.
  return payableCard(cards, request.cardId).price;
}

sdk::StepResult BuyCardHandler::execute(sdk::ExecuteContext& ctx) {
  const std::string reference = "membercard:" + ctx.idempotencyKey;
  IssuedStore issued(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  if (auto done = issued.findPurchase(reference)) {
    const auto card = issued.find(done->issuedId);
    return sdk::StepResult::done(details(*done, card ? card->number : ""));
  }

  Card card;
  try {
    const auto request = BuyRequest::parse(*ctx.params);
    CardStore cards(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
    card = payableCard(cards, request.cardId);  // the admin may have taken it off sale meanwhile
  } catch (const sdk::Error& e) {
    return sdk::StepResult::fail(e.what());
  }
  try {
    ctx.ledger.debit(card.price, kReason, reference);
  } catch (const sdk::InsufficientFunds&) {
    return sdk::StepResult::fail("余额不足,购买会员卡「" + card.name + "」需要 " + sdk::formatYuan(card.price) + " 元");
  }

  const std::int64_t now = ctx.scope.clock.nowMs();
  const std::int64_t days = card.days * kDayMs;
  IssuedCard mine;
  if (auto current = issued.findForUser(ctx.scope.userId, card.id)) {
    mine = *current;
    // Still valid: the new days follow the current ones; expired: they start now. The number stays.
    mine.validUntil = (current->validUntil > now ? current->validUntil : now) + days;
    issued.extend(mine.id, mine.validUntil);
  } else {
    mine = issued.issue(ctx.scope.userId, card.id, now + days);
  }
  Purchase purchase{0, ctx.scope.userId, card.id, mine.id, card.price, card.days, mine.validUntil, reference, 0};
  return sdk::StepResult::done(details(issued.addPurchase(purchase), mine.number));
}

}  // namespace paynext::plugins::membercard
