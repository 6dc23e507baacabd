#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "paynext/sdk/clock.h"

#include "delivery.h"
#include "order.h"

namespace paynext::plugins::orders {

// orders_orders for one factory: every statement is bound to its factory id,
// and user-facing reads to the user as well.
class OrderStore {
 public:
  OrderStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock);

  // Stamped with the clock's now; the order number carries that day.
  Order create(std::int64_t userId, const std::string& title, sdk::Fen amount);
  std::optional<Order> findForUser(std::int64_t userId, std::int64_t id);
  // Newest first; status empty for all.
  std::vector<Order> listForUser(std::int64_t userId, const std::string& status, int offset, int limit);
  // UNPAID -> PAID. False when the order was not unpaid any more, so two
  // payments racing for one order cannot both succeed.
  bool markPaid(std::int64_t userId, std::int64_t id, const std::string& reference, std::int64_t paidAt);
  void setDelivery(std::int64_t userId, std::int64_t id, const Delivery& delivery);

 private:
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
  const sdk::Clock& clock_;
};

}  // namespace paynext::plugins::orders
