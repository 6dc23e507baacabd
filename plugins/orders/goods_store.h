#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include <Poco/Data/Session.h>

#include "paynext/sdk/clock.h"

#include "goods.h"

namespace paynext::plugins::orders {

// orders_goods of one factory: every statement is bound to its factory id.
class GoodsStore {
 public:
  GoodsStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock);

  // Stamped with the clock's now; answers the goods with its id.
  Goods create(Goods goods);
  // Replaces the fields of goods.id; false when there is no such goods here.
  bool update(Goods& goods);
  std::optional<Goods> find(std::int64_t id);
  // Oldest first; onSaleOnly for the users' list.
  std::vector<Goods> list(bool onSaleOnly, int offset, int limit);
  // Takes `number` from the stock of a goods on sale that has that many left;
  // false (and nothing changed) otherwise.
  bool take(std::int64_t id, std::int64_t number);
  // Puts `number` back into the stock of a goods, on sale or not (a cancelled
  // order's); false when there is no such goods here.
  bool giveBack(std::int64_t id, std::int64_t number);

 private:
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
  const sdk::Clock& clock_;
};

}  // namespace paynext::plugins::orders
