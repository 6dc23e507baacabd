#include "upgrade_request.h"

#include "paynext/sdk/params.h"

namespace paynext::plugins::organizations {

namespace p = sdk::params;

UpgradeRequest UpgradeRequest::parse(const Poco::JSON::Object& params) {
  UpgradeRequest r;
  r.organizeId = p::requirePositiveInt(params, "organizeId");
  r.priceId = p::requirePositiveInt(params, "priceId");
  return r;
}

}  // namespace paynext::plugins::organizations
