#include "order_request.h"

#include "paynext/sdk/china_time.h"
#include "paynext/sdk/errors.h"
#include "paynext/sdk/messages.h"
#include "paynext/sdk/params.h"

#include "service_store.h"

namespace paynext::plugins::addbell {

namespace p = sdk::params;

namespace {

constexpr std::size_t kMaxTechnicianBytes = 50;

}  // namespace

Order orderFromParams(const Poco::JSON::Object& params, sdk::Scope& scope) {
  Order o;
  o.userId = p::requirePositiveInt(params, "userId");
  if (!scope.users.find(o.userId)) throw sdk::Error(sdk::codes::kNoData, sdk::messages::userNotFound(o.userId));
  o.serviceId = p::requirePositiveInt(params, "serviceId");
  o.technician = p::requireText(params, "technician", kMaxTechnicianBytes);
  o.startAt = scope.clock.nowMs();
  if (const auto text = p::optionalString(params, "startTime")) {
    const auto at = sdk::parseChinaTime(*text);
    if (!at) throw p::invalid("startTime", "yyyy-MM-dd HH:mm:ss");
    o.startAt = *at;
  }
  const auto service = ServiceStore(scope.session, scope.factoryId, scope.clock).find(o.serviceId);
  if (!service) throw sdk::Error(sdk::codes::kNoData, "服务项目 " + std::to_string(o.serviceId) + " 不存在");
  o.serviceName = service->name;
  o.baseMinutes = service->baseMinutes;
  o.price = service->basePrice;
  return o;
}

}  // namespace paynext::plugins::addbell
