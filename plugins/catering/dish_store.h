#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include <Poco/Data/Session.h>

#include "paynext/sdk/clock.h"

#include "dish.h"

namespace paynext::plugins::catering {

// catering_dishes of one factory.
class DishStore {
 public:
  DishStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock);

  // Stamped with the clock's now; answers the dish with its id.
  Dish create(Dish dish);
  // Replaces the fields of dish.id; false when there is no such dish here.
  bool update(Dish& dish);
  std::optional<Dish> find(std::int64_t id);
  // Oldest first; onSaleOnly for the users' menu.
  std::vector<Dish> list(bool onSaleOnly, int offset, int limit);

 private:
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
  const sdk::Clock& clock_;
};

}  // namespace paynext::plugins::catering
