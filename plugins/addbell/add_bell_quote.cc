#include "add_bell_quote.h"

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

#include "order_store.h"
#include "refusals.h"
#include "service_store.h"

namespace paynext::plugins::addbell {

AddBellQuote AddBellQuote::make(sdk::Scope& scope, std::int64_t orderId, std::int64_t units) {
  AddBellQuote q;
  const auto order = OrderStore(scope.session, scope.factoryId, scope.clock).findForUser(scope.userId, orderId);
  // Another user's order is reported as missing: its existence is not the caller's business.
  if (!order) throw sdk::Error(sdk::codes::kNoData, refusals::orderNotFound(orderId));
  refusals::requireRunning(*order, scope.clock.nowMs());
  const auto service = ServiceStore(scope.session, scope.factoryId, scope.clock).find(order->serviceId);
  if (!service || !service->addEnabled) {
    throw sdk::Error(sdk::codes::kBadRequest, "服务项目「" + order->serviceName + "」暂不支持加钟");
  }
  if (units < 1 || units > service->maxUnits) {
    throw sdk::params::invalid("units", "1 到 " + std::to_string(service->maxUnits) + " 之间的整数");
  }
  q.order = *order;
  q.service = *service;
  q.units = units;
  // units <= 100 and prices below 10^12 yuan: no overflow.
  q.minutes = units * service->unitMinutes;
  q.amount = units * service->unitPrice;
  return q;
}

}  // namespace paynext::plugins::addbell
