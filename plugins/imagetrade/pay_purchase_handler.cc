#include "pay_purchase_handler.h"

#include "paynext/sdk/errors.h"

#include "image_store.h"
#include "imagetrade_request.h"
#include "purchase_store.h"
#include "settings_store.h"

namespace paynext::plugins::imagetrade {

namespace {

const std::string kBuyerReason = "购买图片原图";
const std::string kSellerReason = "出售图片";

std::string purchaseNotFound(std::int64_t id) { return "图片交易购买记录 " + std::to_string(id) + " 不存在"; }

// The caller's purchase record named by the step's id. An image's id given
// instead is refused with a pointer to the purchase id.
Purchase requirePurchase(sdk::Scope& scope, std::int64_t id) {
  PurchaseStore purchases(scope.session, scope.factoryId, scope.clock);
  if (auto purchase = purchases.findForBuyer(scope.userId, id)) return *purchase;
  if (ImageStore(scope.session, scope.factoryId, scope.clock).find(id)) {
    throw sdk::ParamError("id", "参数 id 应为图片交易购买记录的 id(由 /imagetrade/buy 返回),不是图片的 id");
  }
  throw sdk::Error(sdk::codes::kNoData, purchaseNotFound(id));
}

// The image of a purchase that can be paid now, or the reason it cannot.
Image requirePayable(sdk::Scope& scope, const Purchase& purchase, const Settings& settings) {
  if (purchase.status == kPaid) {
    throw sdk::Error(sdk::codes::kBadRequest, "图片交易购买记录 " + std::to_string(purchase.id) + " 已支付");
  }
  const std::string image = "图片 " + std::to_string(purchase.imageId);
  auto found = ImageStore(scope.session, scope.factoryId, scope.clock).find(purchase.imageId);
  if (!found) throw sdk::Error(sdk::codes::kNoData, image + " 不存在");
  if (found->sellerId == purchase.buyerId) throw sdk::Error(sdk::codes::kBadRequest, "不能购买自己的图片");
  if (found->status != kOnSale) throw sdk::Error(sdk::codes::kBadRequest, image + " 已售出");
  if (!settings.allows(purchase.price)) {
    throw sdk::Error(sdk::codes::kBadRequest, image + " 的价格 " + sdk::formatYuan(purchase.price) +
                                                  " 元超出了允许的范围(" + settings.boundsText() + ")");
  }
  return *found;
}

Poco::JSON::Object::Ptr details(const Purchase& purchase, sdk::Fen commission) {
  Poco::JSON::Object::Ptr result = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  result->set("purchaseId", purchase.id);
  result->set("imageId", purchase.imageId);
  result->set("sellerId", purchase.sellerId);
  result->set("price", sdk::yuanNumber(purchase.price));
  result->set("commission", sdk::yuanNumber(commission));
  result->set("sellerAmount", sdk::yuanNumber(purchase.price - commission));
  return result;
}

}  // namespace

sdk::Fen PayPurchaseHandler::validate(sdk::ValidateContext& ctx) {
  const ImageTradeRequest request = ImageTradeRequest::parse(*ctx.params);
  const Purchase purchase = requirePurchase(ctx.scope, request.purchaseId);
  requirePayable(ctx.scope, purchase, SettingsStore(ctx.scope.session, ctx.scope.factoryId).findOrDefault());
  // What the step needs is the price on record, never what the payment carries.
  return purchase.price;
}

sdk::StepResult PayPurchaseHandler::execute(sdk::ExecuteContext& ctx) {
  sdk::Scope& scope = ctx.scope;
  try {
    const ImageTradeRequest request = ImageTradeRequest::parse(*ctx.params);
    const Purchase purchase = requirePurchase(scope, request.purchaseId);
    // Already paid by this very step (a repeated run): answer as before, change nothing.
    if (purchase.status == kPaid && purchase.reference == ctx.idempotencyKey) {
      return sdk::StepResult::done(details(purchase, purchase.commission));
    }
    const Settings settings = SettingsStore(scope.session, scope.factoryId).findOrDefault();
    const Image image = requirePayable(scope, purchase, settings);
    const sdk::Fen commission = settings.commissionOf(purchase.price);
    // Conditional updates: whatever changed since validate (another buyer's
    // step sold the image, this record was paid) fails the step cleanly.
    if (!ImageStore(scope.session, scope.factoryId, scope.clock).markSold(image.id, purchase.buyerId)) {
      return sdk::StepResult::fail("图片 " + std::to_string(image.id) + " 已售出");
    }
    if (!PurchaseStore(scope.session, scope.factoryId, scope.clock)
             .markPaid(purchase.id, purchase.buyerId, ctx.idempotencyKey, commission)) {
      return sdk::StepResult::fail("图片交易购买记录 " + std::to_string(purchase.id) + " 已支付");
    }
    const std::string reference = "imagetrade:" + ctx.idempotencyKey;
    try {
      ctx.ledger.debit(purchase.price, kBuyerReason, reference);
    } catch (const sdk::InsufficientFunds&) {
      return sdk::StepResult::fail("余额不足,无法支付图片 " + std::to_string(image.id) + " 的 " +
                                   sdk::formatYuan(purchase.price) + " 元");
    }
    const sdk::Fen sellerAmount = purchase.price - commission;
    if (sellerAmount > 0) scope.wallets.of(purchase.sellerId).credit(sellerAmount, kSellerReason, reference);
    return sdk::StepResult::done(details(purchase, commission));
  } catch (const sdk::Error& e) {
    // A refusal here is permanent (the record or image changed): fail, the money stays in the wallet.
    return sdk::StepResult::fail(e.what());
  }
}

}  // namespace paynext::plugins::imagetrade
