#include "activate_handler.h"

#include <Poco/JSON/Array.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

#include "activation.h"
#include "fields.h"
#include "package_order.h"

namespace paynext::plugins::campus {

namespace p = sdk::params;

namespace {

const std::string kReason = "开通校园卡套餐";
constexpr std::size_t kMaxEmpNameBytes = 50;

Poco::JSON::Object::Ptr details(const std::vector<ActivationRecord>& records) {
  std::vector<std::string> ids;
  for (const auto& r : records) ids.push_back(r.id);
  Poco::JSON::Object::Ptr result = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  result->set("recordIDs", fields::join(ids));
  return result;
}

}  // namespace

sdk::Fen ActivateHandler::validate(sdk::ValidateContext& ctx) {
  const auto ids = PackageOrder::parseItemIds(*ctx.params, "itemIDs");
  const PayType payType = PackageOrder::parsePayType(*ctx.params, "payType");
  p::optionalText(*ctx.params, "empName", kMaxEmpNameBytes);
  PackageStore store(ctx.scope.session, ctx.scope.factoryId);
  RecordStore records(ctx.scope.session, ctx.scope.factoryId);
  PackageOrder order(store, ids);
  order.checkPayable(records, ctx.scope.userId, payType, ctx.scope.clock.nowMs());
  return order.total();
}

sdk::StepResult ActivateHandler::execute(sdk::ExecuteContext& ctx) {
  RecordStore records(ctx.scope.session, ctx.scope.factoryId);
  // A step that already ran (its records are committed with its status) is not run twice.
  if (auto done = records.byIdempotencyKey(ctx.idempotencyKey); !done.empty()) {
    return sdk::StepResult::done(details(done));
  }
  ActivationRequest request;
  std::vector<std::string> ids;
  try {
    ids = PackageOrder::parseItemIds(*ctx.params, "itemIDs");
    request.payType = PackageOrder::parsePayType(*ctx.params, "payType");
    request.empName = p::optionalText(*ctx.params, "empName", kMaxEmpNameBytes);
  } catch (const sdk::Error& e) {
    return sdk::StepResult::fail(e.what());
  }
  request.userId = ctx.scope.userId;
  request.outTradeId = ctx.outTradeId;
  request.idempotencyKey = ctx.idempotencyKey;
  request.now = ctx.scope.clock.nowMs();
  sdk::Fen total = 0;
  try {
    // Packages may have changed since the payment was made: they must still
    // exist, but a package paid for is activated even if it was disabled since.
    PackageStore store(ctx.scope.session, ctx.scope.factoryId);
    PackageOrder order(store, ids);
    total = order.total();
    ctx.ledger.debit(total, kReason, "campus:" + ctx.idempotencyKey);
    return sdk::StepResult::done(details(activate(records, order, request)));
  } catch (const sdk::InsufficientFunds&) {
    return sdk::StepResult::fail("余额不足,开通校园卡套餐需要 " + sdk::formatYuan(total) + " 元");
  } catch (const sdk::Error& e) {
    return sdk::StepResult::fail(e.what());
  }
}

}  // namespace paynext::plugins::campus
