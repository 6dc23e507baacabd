#include <Poco/JSON/Array.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

#include "card_holder_store.h"
#include "dialect.h"
#include "fields.h"
#include "mobile_routes.h"
#include "record_store.h"
#include "settings_store.h"

namespace paynext::plugins::campus {

namespace p = sdk::params;

namespace {

constexpr std::size_t kMaxIds = 20;
constexpr std::size_t kMaxRecordIdBytes = 100;
const std::string kNotFound = "支付未完成或记录不存在";

std::vector<ActivationRecord> findRecords(sdk::RouteContext& ctx) {
  const auto& params = *ctx.params;
  RecordStore store(ctx.scope.session, ctx.scope.factoryId);
  std::vector<ActivationRecord> found;
  if (!p::has(params, "ids") && p::has(params, "orderNumber")) {
    const std::string outTradeId = p::requireText(params, "orderNumber", kMaxRecordIdBytes);
    found = store.byOutTradeId(ctx.scope.userId, outTradeId);
  } else {
    for (const auto& id : fields::requireIdList(params, "ids", kMaxIds, kMaxRecordIdBytes)) {
      auto record = store.findForUser(ctx.scope.userId, id);
      if (!record) throw sdk::Error(sdk::codes::kNoData, kNotFound);
      found.push_back(std::move(*record));
    }
  }
  if (found.empty()) throw sdk::Error(sdk::codes::kNoData, kNotFound);
  return found;
}

sdk::RouteResponse searchSuccessData(sdk::RouteContext& ctx) {
  dialect::checkUserId(*ctx.params, ctx.scope, true);
  const auto records = findRecords(ctx);
  const Settings settings = SettingsStore(ctx.scope.session, ctx.scope.factoryId).findOrDefault();
  const auto holder = CardHolderStore(ctx.scope.session, ctx.scope.factoryId).find(ctx.scope.userId);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& r : records) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    json->set("projectName", settings.projectName);
    json->set("itemName", r.itemName);
    json->set("payStartDate", formatLocal(r.startAt));
    json->set("payEndDate", formatLocal(r.endAt));
    // The admin's card holder names the payer; before there is one, the name given to PayMoney.
    json->set("empName", holder ? holder->empName : r.empName);
    json->set("imei", holder ? holder->imei : "");
    json->set("sim", holder ? holder->sim : "");
    json->set("gradeName", holder ? holder->gradeName : "");
    json->set("className", holder ? holder->className : "");
    json->set("mobile", holder ? holder->mobile : "");
    list->add(json);
  }
  // One record answers an object, as the document shows; several an array.
  if (list->size() == 1) return dialect::success(list->getObject(0));
  return dialect::success(list);
}

}  // namespace

sdk::Route searchSuccessDataRoute() { return dialect::route("/api/Pay/SearchSuccessData", searchSuccessData); }

}  // namespace paynext::plugins::campus
