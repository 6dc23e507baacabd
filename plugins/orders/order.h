#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

#include "paynext/sdk/money.h"

#include "order_line.h"

namespace paynext::plugins::orders {

inline const std::string kUnpaid = "UNPAID";
inline const std::string kPaid = "PAID";
inline const std::string kClosed = "CLOSED";  // cancelled by its user before it was paid
inline const std::string kCancelled = "CANCELLED";  // cancelled by an admin after it was paid, the money given back

// The order lists' optional `status` filter: one of the above, or "" for
// all; throws sdk::ParamError otherwise.
std::string statusFilter(const Poco::JSON::Object& params);

// A mall order (商城订单). Money is fen; times are epoch milliseconds.
struct Order {
  std::int64_t id = 0;
  std::int64_t userId = 0;
  std::string orderNumber;  // shown to people, e.g. OD20240501000077
  std::string title;
  sdk::Fen amount = 0;
  std::string status;       // kUnpaid, kPaid, kClosed or kCancelled
  std::int64_t createdAt = 0;
  std::int64_t paidAt = 0;  // 0 while unpaid
  std::string paidReference;
  std::int64_t addressId = 0;  // set when paid through the order pay-now API
  int freightMode = 0;         // 0 unknown, 1 包邮, 2 不包邮
  int freightKey = 0;          // freight_mode 2: 1 到付, 2 商家自选
  std::string cancelReason;    // set with cancelledAt when an admin cancelled it
  std::int64_t cancelledAt = 0;
  // The goods it was priced from; loaded by single-order reads only (lists
  // leave it empty). Empty too for an order an admin created with an amount.
  std::vector<OrderLine> lines;
};

// The order as the APIs answer it: amounts in yuan, paidAt null while unpaid,
// cancelReason and cancelledAt once cancelled, its goods lines when loaded.
Poco::JSON::Object::Ptr toJson(const Order& order);

}  // namespace paynext::plugins::orders
