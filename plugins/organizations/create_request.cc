#include "create_request.h"

#include "paynext/sdk/params.h"

namespace paynext::plugins::organizations {

namespace p = sdk::params;

CreateRequest CreateRequest::parse(const Poco::JSON::Object& params) {
  CreateRequest r;
  r.priceId = p::requirePositiveInt(params, "priceId");
  r.name = p::requireText(params, "name", kMaxNameBytes);
  r.remark = p::optionalText(params, "remark", kMaxRemarkBytes);
  return r;
}

}  // namespace paynext::plugins::organizations
