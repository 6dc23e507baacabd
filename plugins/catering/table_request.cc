#include "table_request.h"

#include "paynext/sdk/params.h"

namespace paynext::plugins::catering {

namespace p = sdk::params;

namespace {

constexpr std::size_t kMaxNameBytes = 100;
constexpr std::size_t kMaxCodeBytes = 64;

}  // namespace

std::string tableCode(const Poco::JSON::Object& params) { return p::requireText(params, "code", kMaxCodeBytes); }

DiningTable tableFromParams(const Poco::JSON::Object& params, bool withId) {
  DiningTable table;
  if (withId) table.id = p::requirePositiveInt(params, "id");
  table.name = p::requireText(params, "name", kMaxNameBytes);
  table.code = tableCode(params);
  return table;
}

}  // namespace paynext::plugins::catering
