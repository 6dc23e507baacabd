#include "dish_request.h"

#include "paynext/sdk/params.h"

namespace paynext::plugins::catering {

namespace p = sdk::params;

namespace {

constexpr std::size_t kMaxNameBytes = 200;

}  // namespace

Dish dishFromParams(const Poco::JSON::Object& params, bool withId) {
  Dish dish;
  if (withId) dish.id = p::requirePositiveInt(params, "id");
  dish.name = p::requireText(params, "name", kMaxNameBytes);
  dish.price = p::requireMoney(params, "price");
  if (dish.price <= 0) throw p::invalid("price", "大于 0 的金额");
  dish.onSale = p::optionalBool(params, "onSale").value_or(true);
  return dish;
}

}  // namespace paynext::plugins::catering
