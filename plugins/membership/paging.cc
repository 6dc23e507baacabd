#include "paging.h"

#include "paynext/sdk/params.h"

namespace paynext::plugins::membership {

namespace p = sdk::params;

std::pair<int, int> pageOf(const Poco::JSON::Object& params) {
  const std::int64_t page = p::optionalInt(params, "page").value_or(1);
  if (page < 1 || page > 100000) throw p::invalid("page", "正整数");
  const std::int64_t pageSize = p::optionalInt(params, "pageSize").value_or(20);
  if (pageSize < 1 || pageSize > 100) throw p::invalid("pageSize", "1 到 100 之间的整数");
  return {static_cast<int>((page - 1) * pageSize), static_cast<int>(pageSize)};
}

}  // namespace paynext::plugins::membership
