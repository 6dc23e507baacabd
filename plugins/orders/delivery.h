#pragma once
#include <cstdint>
#include <optional>

#include <Poco/JSON/Object.h>

namespace paynext::plugins::orders {

// Where and how a paid order is shipped, as the order pay-now API takes it.
struct Delivery {
  std::int64_t addressId = 0;
  int freightMode = 1;   // 1 包邮 (free shipping), 2 不包邮
  int freightKey = 0;    // freight_mode 2 only: 1 到付 (paid on delivery), 2 商家自选 (merchant's choice)
};

// Reads address_id, freight_mode and freight_json_arr_key with the document's
// rules; throws sdk::ParamError naming the field.
Delivery parseDelivery(const Poco::JSON::Object& params);
// The same fields from a chain step's params; nullopt when the step has none.
std::optional<Delivery> optionalDelivery(const Poco::JSON::Object& params);
void addTo(Poco::JSON::Object& params, const Delivery& delivery);

}  // namespace paynext::plugins::orders
