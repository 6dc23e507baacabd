#include "deposit_admin_routes.h"

#include <Poco/JSON/Array.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

#include "deposit_settlement.h"
#include "deposit_store.h"

namespace paynext::plugins::deposit {

namespace p = sdk::params;

namespace {

constexpr std::size_t kMaxReasonBytes = 255;

std::string statusFilter(const Poco::JSON::Object& params) {
  const std::string status = p::optionalString(params, "status").value_or("");
  if (!status.empty() && status != kHeld && status != kReleased && status != kForfeited) {
    throw p::invalid("status", "HELD、RELEASED 或 FORFEITED");
  }
  return status;
}

sdk::RouteResponse listDeposits(sdk::RouteContext& ctx) {
  const auto& params = *ctx.params;
  DepositStore store(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  if (p::has(params, "id")) {
    const std::int64_t id = p::requirePositiveInt(params, "id");
    auto deposit = store.find(id);
    if (!deposit) throw sdk::Error(sdk::codes::kNoData, "押金记录 " + std::to_string(id) + " 不存在");
    return sdk::RouteResponse::ok(toAdminJson(*deposit));
  }
  const std::int64_t userId = p::optionalUser(params, "userId", ctx.scope.users);
  const std::string status = statusFilter(params);
  const auto window = p::offsetWindow(params);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& d : store.list(userId, status, window.offset, window.limit)) list->add(toAdminJson(d));
  return sdk::RouteResponse::ok(list);
}

sdk::RouteResponse releaseDeposit(sdk::RouteContext& ctx) {
  const std::int64_t id = p::requirePositiveInt(*ctx.params, "id");
  return sdk::RouteResponse::ok(toAdminJson(DepositSettlement(ctx.scope).release(id)));
}

sdk::RouteResponse forfeitDeposit(sdk::RouteContext& ctx) {
  const auto& params = *ctx.params;
  const std::int64_t id = p::requirePositiveInt(params, "id");
  const sdk::Fen amount = p::requireMoney(params, "amount");
  const std::string reason = p::requireText(params, "reason", kMaxReasonBytes);
  return sdk::RouteResponse::ok(toAdminJson(DepositSettlement(ctx.scope).forfeit(id, amount, reason)));
}

sdk::Route adminRoute(const std::string& method, const std::string& path, bool writes, const std::string& title,
                      sdk::RouteResponse (*handler)(sdk::RouteContext&)) {
  return sdk::Route(method, path, sdk::Audience::Admin, writes, handler, title);
}

}  // namespace

std::vector<sdk::Route> depositAdminRoutes() {
  return {adminRoute("GET", "/deposits", false, "押金记录", listDeposits),
          adminRoute("POST", "/deposits/release", true, "退还押金", releaseDeposit),
          adminRoute("POST", "/deposits/forfeit", true, "扣除押金", forfeitDeposit)};
}

}  // namespace paynext::plugins::deposit
