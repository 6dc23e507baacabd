#include "item_request.h"

#include <string>

#include "paynext/sdk/params.h"

namespace paynext::plugins::knowledge {

namespace p = sdk::params;

namespace {

constexpr std::size_t kMaxTitleBytes = 200;
constexpr std::size_t kMaxSummaryBytes = 2000;
constexpr std::size_t kMaxContentBytes = 65536;

std::string bounded(const std::string& name, std::string value, std::size_t max) {
  if (value.size() > max) throw sdk::ParamError(name, "参数 " + name + " 不能超过 " + std::to_string(max) + " 字节");
  return value;
}

}  // namespace

Item itemFromParams(const Poco::JSON::Object& params, bool withId) {
  Item item;
  if (withId) item.id = p::requirePositiveInt(params, "id");
  item.title = bounded("title", p::requireString(params, "title"), kMaxTitleBytes);
  item.summary = bounded("summary", p::optionalString(params, "summary").value_or(""), kMaxSummaryBytes);
  item.price = p::requireMoney(params, "price");
  if (item.price <= 0) throw p::invalid("price", "大于 0 的金额");
  item.content = bounded("content", p::requireString(params, "content"), kMaxContentBytes);
  item.onSale = p::optionalBool(params, "onSale").value_or(true);
  return item;
}

}  // namespace paynext::plugins::knowledge
