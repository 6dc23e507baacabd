#include "item_request.h"

#include <string>

#include "paynext/sdk/params.h"

namespace paynext::plugins::knowledge {

namespace p = sdk::params;

namespace {

constexpr std::size_t kMaxTitleBytes = 200;
constexpr std::size_t kMaxSummaryBytes = 2000;
constexpr std::size_t kMaxContentBytes = 65536;

}  // namespace

Item itemFromParams(const Poco::JSON::Object& params, bool withId) {
  Item item;
  if (withId) item.id = p::requirePositiveInt(params, "id");
  item.title = p::requireText(params, "title", kMaxTitleBytes);
  item.summary = p::optionalText(params, "summary", kMaxSummaryBytes);
  item.price = p::requireMoney(params, "price");
  if (item.price <= 0) throw p::invalid("price", "大于 0 的金额");
  item.content = p::requireText(params, "content", kMaxContentBytes);
  item.onSale = p::optionalBool(params, "onSale").value_or(true);
  return item;
}

}  // namespace paynext::plugins::knowledge
