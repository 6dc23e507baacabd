#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include <Poco/Data/Session.h>

#include "paynext/sdk/clock.h"

#include "order.h"

namespace paynext::plugins::addbell {

// addbell_orders of one factory; user-facing reads are bound to the user.
class OrderStore {
 public:
  OrderStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock);

  // Stamps createdAt and sets endAt from startAt and baseMinutes.
  Order create(Order order);
  std::optional<Order> find(std::int64_t id);  // any user's: for admins and steps
  std::optional<Order> findForUser(std::int64_t userId, std::int64_t id);
  // Newest first; userId 0 for every user.
  std::vector<Order> list(std::int64_t userId, int offset, int limit);
  // Lengthens an order that is still running at the clock's now by `minutes`;
  // false when it finished (ended or closed) meanwhile.
  bool extend(std::int64_t id, std::int64_t minutes);
  // Closes an order not closed yet; false when it already was.
  bool close(std::int64_t id);

 private:
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
  const sdk::Clock& clock_;
};

}  // namespace paynext::plugins::addbell
