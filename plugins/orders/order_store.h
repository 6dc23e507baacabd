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

  // Stamped with the clock's now; the order number carries that day. The
  // lines (goods priced at this moment) are stored with it.
  Order create(std::int64_t userId, const std::string& title, sdk::Fen amount,
               const std::vector<OrderLine>& lines = {});
  // With its lines.
  std::optional<Order> findForUser(std::int64_t userId, std::int64_t id);
  // Any user's order of the factory, with its lines (admins).
  std::optional<Order> find(std::int64_t id);
  // Newest first; status empty for all.
  std::vector<Order> listForUser(std::int64_t userId, const std::string& status, int offset, int limit);
  // The factory's orders for admins, newest first; userId 0 and status empty for all.
  std::vector<Order> list(std::int64_t userId, const std::string& status, int offset, int limit);
  // UNPAID -> PAID. False when the order was not unpaid any more, so two
  // payments racing for one order cannot both succeed.
  bool markPaid(std::int64_t userId, std::int64_t id, const std::string& reference, std::int64_t paidAt);
  void setDelivery(std::int64_t userId, std::int64_t id, const Delivery& delivery);
  // UNPAID -> CLOSED; false when the order was not unpaid any more.
  bool close(std::int64_t userId, std::int64_t id);
  // PAID -> CANCELLED with the reason, at cancelledAt (epoch ms), whoever's
  // order it is (admins). False when it was not paid any more, so two
  // cancels racing for one order cannot both succeed.
  bool cancel(std::int64_t id, const std::string& reason, std::int64_t cancelledAt);

 private:
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
  const sdk::Clock& clock_;

  std::vector<OrderLine> linesOf(std::int64_t orderId);
  std::optional<Order> withLines(std::vector<Order> found);
};

}  // namespace paynext::plugins::orders
