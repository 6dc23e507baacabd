#include "delivery.h"

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

namespace paynext::plugins::orders {

namespace p = sdk::params;

Delivery parseDelivery(const Poco::JSON::Object& params) {
  Delivery d;
  d.addressId = p::requirePositiveInt(params, "address_id");
  const std::int64_t mode = p::requireInt(params, "freight_mode");
  if (mode != 1 && mode != 2) throw p::invalid("freight_mode", "1(包邮)或 2(不包邮)");
  d.freightMode = static_cast<int>(mode);
  const std::int64_t key = p::optionalInt(params, "freight_json_arr_key").value_or(0);
  if (d.freightMode == 2 && key != 1 && key != 2) {
    throw p::invalid("freight_json_arr_key", "freight_mode=2 时必填:1(到付)或 2(商家自选)");
  }
  if (d.freightMode == 1 && key != 0) throw p::invalid("freight_json_arr_key", "freight_mode=1 时为 0");
  d.freightKey = static_cast<int>(key);
  return d;
}

std::optional<Delivery> optionalDelivery(const Poco::JSON::Object& params) {
  if (!p::has(params, "address_id")) return std::nullopt;
  return parseDelivery(params);
}

void addTo(Poco::JSON::Object& params, const Delivery& delivery) {
  params.set("address_id", delivery.addressId);
  params.set("freight_mode", delivery.freightMode);
  params.set("freight_json_arr_key", delivery.freightKey);
}

}  // namespace paynext::plugins::orders
