#include "pay_bill_handler.h"

#include "paynext/sdk/errors.h"

#include "bill_quote.h"
#include "bill_store.h"

namespace paynext::plugins::shopbill {

namespace {

const std::string kReason = "优惠买单";

Poco::JSON::Object::Ptr details(const Bill& bill) {
  Poco::JSON::Object::Ptr result = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  result->set("billId", bill.id);
  result->set("shopId", bill.shopId);
  result->set("money", sdk::yuanNumber(bill.bill));
  result->set("discount", sdk::yuanNumber(bill.discount));
  result->set("paid", sdk::yuanNumber(bill.paid));
  return result;
}

}  // namespace

sdk::Fen PayBillHandler::validate(sdk::ValidateContext& ctx) {
  // What the step needs is the shop's rule applied to the bill, never what the payment carries.
  return quoteFor(ctx.scope, ShopbillRequest::parse(*ctx.params)).quote.due;
}

sdk::StepResult PayBillHandler::execute(sdk::ExecuteContext& ctx) {
  sdk::Scope& scope = ctx.scope;
  BillStore bills(scope.session, scope.factoryId, scope.clock);
  // A repeated step finds its bill and records nothing more.
  if (const auto done = bills.findByStep(ctx.idempotencyKey)) return sdk::StepResult::done(details(*done));
  try {
    // The shop may have been switched off or its rule changed since validate: quote again.
    const ShopbillRequest request = ShopbillRequest::parse(*ctx.params);
    const BillQuote q = quoteFor(scope, request);
    Bill bill;
    bill.shopId = q.shop.id;
    bill.shopName = q.shop.name;
    bill.userId = scope.userId;
    bill.bill = q.quote.bill;
    bill.discount = q.quote.discount();
    bill.paid = q.quote.due;
    bill.stepKey = ctx.idempotencyKey;
    if (bill.paid > 0) {
      try {
        ctx.ledger.debit(bill.paid, kReason, "shopbill:" + ctx.idempotencyKey);
      } catch (const sdk::InsufficientFunds&) {
        return sdk::StepResult::fail("余额不足,门店「" + q.shop.name + "」买单需要 " + sdk::formatYuan(bill.paid) +
                                     " 元");
      }
    }
    return sdk::StepResult::done(details(bills.record(bill)));
  } catch (const sdk::Error& e) {
    // A refusal here is permanent (the shop changed): fail, the money stays in the wallet.
    return sdk::StepResult::fail(e.what());
  }
}

}  // namespace paynext::plugins::shopbill
