#include "paging.h"

#include "paynext/sdk/params.h"

namespace paynext::plugins::membership {

namespace p = sdk::params;

std::pair<int, int> pageOf(const Poco::JSON::Object& params) {
  const auto page = sdk::params::pageWindow(params);
  return {page.offset, page.limit};
}

}  // namespace paynext::plugins::membership
