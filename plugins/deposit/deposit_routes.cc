#include "deposit_routes.h"

#include <Poco/JSON/Array.h>
#include <Poco/UUIDGenerator.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

#include "deposit_request.h"
#include "deposit_store.h"

namespace paynext::plugins::deposit {

namespace p = sdk::params;

namespace {

const std::string kReason = "支付押金";

sdk::Route route(const std::string& method, const std::string& path, bool writes,
                 sdk::RouteResponse (*handler)(sdk::RouteContext&)) {
  return sdk::Route(method, path, sdk::Audience::User, writes, handler);
}


sdk::RouteResponse payDeposit(sdk::RouteContext& ctx) {
  const DepositRequest request = DepositRequest::parse(*ctx.params);
  // No chain step here, so a fresh random reference names the deposit.
  const std::string reference = "deposit:" + Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
  ctx.ledger.freeze(request.amount, kReason, reference);  // InsufficientFunds answers 30002 余额不足
  DepositStore store(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  return sdk::RouteResponse::ok(toJson(store.create(ctx.scope.userId, request, reference)));
}

sdk::RouteResponse listDeposits(sdk::RouteContext& ctx) {
  const auto page = p::pageWindow(*ctx.params);
  DepositStore store(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  const auto deposits = store.listForUser(ctx.scope.userId, page.offset, page.limit);
  // API工厂 answers an empty list with 700, which its client treats as "nothing yet".
  if (deposits.empty()) return sdk::RouteResponse::noData();
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& d : deposits) list->add(toJson(d));
  return sdk::RouteResponse::ok(list);
}

sdk::RouteResponse depositInfo(sdk::RouteContext& ctx) {
  const std::int64_t id = p::requirePositiveInt(*ctx.params, "id");
  DepositStore store(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  auto deposit = store.findForUser(ctx.scope.userId, id);
  if (!deposit) throw sdk::Error(sdk::codes::kNoData, "押金记录不存在");
  return sdk::RouteResponse::ok(toJson(*deposit));
}

}  // namespace

std::vector<sdk::Route> depositRoutes() {
  return {route("POST", "/deposit/pay", true, payDeposit), route("*", "/deposit/list", false, listDeposits),
          route("*", "/deposit/info", false, depositInfo)};
}

}  // namespace paynext::plugins::deposit
