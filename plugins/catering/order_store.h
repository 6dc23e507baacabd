#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "paynext/sdk/clock.h"

#include "dish.h"
#include "dining_table.h"
#include "order.h"

namespace paynext::plugins::catering {

// catering_orders and their catering_order_lines, of one factory; every
// order read comes with its lines.
class OrderStore {
 public:
  OrderStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock);

  // An OPEN order of the user at the table, stamped with the clock's now.
  Order open(std::int64_t userId, const DiningTable& table);
  std::optional<Order> find(std::int64_t id);  // any user's: for admins
  std::optional<Order> findForUser(std::int64_t userId, std::int64_t id);
  std::optional<Order> findOpenAt(std::int64_t userId, std::int64_t tableId);
  // Newest first; userId 0 for every user, status empty for every status.
  std::vector<Order> list(std::int64_t userId, const std::string& status, int offset, int limit);
  // Adds quantity of the dish (at its price now) to the order; answers the line's new quantity.
  int addDish(std::int64_t orderId, const Dish& dish, int quantity);
  // OPEN -> PAID. False when it was not open any more, so two payments racing
  // for one order cannot both succeed.
  bool markPaid(const Order& paid);

 private:
  std::vector<Order> withLines(std::vector<Order> orders);

  Poco::Data::Session& session_;
  std::int64_t factoryId_;
  const sdk::Clock& clock_;
};

}  // namespace paynext::plugins::catering
