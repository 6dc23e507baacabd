#include <sstream>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

#include "activate_handler.h"
#include "activation_record.h"
#include "charge.h"
#include "dialect.h"
#include "fields.h"
#include "mobile_routes.h"
#include "package_order.h"
#include "settings.h"
#include "settings_store.h"

namespace paynext::plugins::campus {

namespace p = sdk::params;

namespace {

// WeChat Pay takes at most 128 bytes of body (our subject).
constexpr std::size_t kMaxSubjectBytes = 128;
constexpr std::size_t kMaxBodyBytes = 500;
constexpr std::size_t kMaxEmpNameBytes = 50;

std::string nextAction(const std::vector<std::string>& itemIds, PayType payType, const std::string& empName) {
  Poco::JSON::Object action(Poco::JSON_PRESERVE_KEY_ORDER);
  action.set("type", ActivateHandler::kType);
  action.set("itemIDs", fields::join(itemIds));
  action.set("payType", static_cast<int>(payType));
  action.set("empName", empName);
  std::ostringstream out;
  action.stringify(out);
  return out.str();
}

// selectType 0 (单选) lets a payment be for one package only; 1 (多选) for several.
void checkSelectType(const Settings& settings, const std::vector<std::string>& itemIds) {
  if (settings.selectType == kSingleChoice && itemIds.size() > 1) {
    throw sdk::ParamError("itemIDs", "本项目套餐为单选,参数 itemIDs 只能包含 1 个套餐");
  }
}

sdk::RouteResponse payMoney(sdk::RouteContext& ctx) {
  const auto& params = *ctx.params;
  const ChargeChannel channel = chargeChannel(p::requireText(params, "channel", 20));
  const std::string subject = p::requireText(params, "subject", kMaxSubjectBytes);
  const std::string body = p::requireText(params, "body", kMaxBodyBytes);
  const sdk::Fen amount = fields::requireFen(params, "amount");
  dialect::checkUserId(params, ctx.scope);
  const std::string empName = p::requireText(params, "empName", kMaxEmpNameBytes);
  const auto itemIds = PackageOrder::parseItemIds(params, "itemIDs");
  const PayType payType = PackageOrder::parsePayType(params, "type");
  const Settings settings = SettingsStore(ctx.scope.session, ctx.scope.factoryId).findOrDefault();
  checkSelectType(settings, itemIds);

  PackageStore packages(ctx.scope.session, ctx.scope.factoryId);
  RecordStore records(ctx.scope.session, ctx.scope.factoryId);
  const PackageOrder order(packages, itemIds);
  order.checkPayable(records, ctx.scope.userId, payType, ctx.scope.clock.nowMs());
  if (amount != order.total()) {
    throw sdk::ParamError("amount", "参数 amount 与所选套餐总价不符,应为 " + std::to_string(order.total()) + " 分");
  }

  sdk::CheckoutRequest request;
  request.channel = channel.payChannel;
  request.money = amount;
  request.subject = subject;
  request.body = body;
  request.clientIp = ctx.clientIp;
  request.nextAction = nextAction(itemIds, payType, empName);
  if (channel.name == kAlipayWap) {
    request.returnUrl = settings.successUrl;
    request.quitUrl = settings.cancelUrl;
  }
  const sdk::CheckoutResult payment = ctx.checkout.pay(request);

  Poco::JSON::Object::Ptr chargeData = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  chargeData->set("error", 0);
  chargeData->set("charge", pingppCharge({channel, ctx.scope.factory, subject, body, ctx.clientIp, payment,
                                          chargeExtra(channel, settings.successUrl, settings.cancelUrl)}));
  Poco::JSON::Object::Ptr data = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  data->set("recordIDs", fields::join(recordIds(payment.outTradeId, itemIds)));
  data->set("chargeData", chargeData);
  return dialect::success(data);
}

}  // namespace

sdk::Route payMoneyRoute() { return dialect::route("/api/Pay/PayMoney", payMoney); }

}  // namespace paynext::plugins::campus
