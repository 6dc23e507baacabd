#include "card_request.h"

#include "paynext/sdk/params.h"

namespace paynext::plugins::membercard {

namespace p = sdk::params;

namespace {

constexpr std::size_t kMaxNameBytes = 200;
constexpr std::size_t kMaxBenefitsBytes = 4000;
// A hundred years: keeps a validity far from overflowing epoch ms however often it is extended.
constexpr std::int64_t kMaxDays = 36500;

}  // namespace

Card cardFromParams(const Poco::JSON::Object& params, bool withId) {
  Card card;
  if (withId) card.id = p::requirePositiveInt(params, "id");
  card.name = p::requireText(params, "name", kMaxNameBytes);
  card.price = p::requireMoney(params, "price");
  if (card.price <= 0) throw p::invalid("price", "大于 0 的金额");
  card.days = p::requirePositiveInt(params, "days");
  if (card.days > kMaxDays) throw p::invalid("days", "1 到 36500 之间的整数");
  card.benefits = p::optionalText(params, "benefits", kMaxBenefitsBytes);
  card.onSale = p::optionalBool(params, "onSale").value_or(true);
  return card;
}

}  // namespace paynext::plugins::membercard
