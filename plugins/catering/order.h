#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

#include "paynext/sdk/money.h"

namespace paynext::plugins::catering {

inline const std::string kOpen = "OPEN";
inline const std::string kPaid = "PAID";

// One dish of an order, at the price it had when it was ordered.
struct OrderLine {
  std::int64_t dishId = 0;
  std::string name;
  sdk::Fen price = 0;
  int quantity = 0;
};

// A user's order at a table (点餐订单): OPEN while dishes are added, PAID once
// a type 9 step paid its bill.
struct Order {
  std::int64_t id = 0;  // from 100000: the orderId users pay
  std::int64_t userId = 0;
  std::int64_t tableId = 0;
  std::string tableName;
  std::string status;
  sdk::Fen discount = 0;  // the coupons' when paid
  sdk::Fen paid = 0;      // debited when paid
  std::string couponIds;  // "1,2" when paid with coupons
  std::int64_t createdAt = 0;
  std::int64_t paidAt = 0;
  std::string paidReference;  // the paying step's idempotency key
  std::vector<OrderLine> lines;

  // The lines' prices times their quantities.
  sdk::Fen total() const;
};

// The optional `status` filter of order lists: "", OPEN or PAID. Throws sdk::ParamError.
std::string statusFilter(const Poco::JSON::Object& params);

// As the mobile API answers it (yuan); admins also see the user and the paying step.
Poco::JSON::Object::Ptr toUserJson(const Order& order);
Poco::JSON::Object::Ptr toAdminJson(const Order& order);

}  // namespace paynext::plugins::catering
