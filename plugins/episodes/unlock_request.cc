#include "unlock_request.h"

#include "paynext/sdk/params.h"

namespace paynext::plugins::episodes {

UnlockRequest UnlockRequest::parse(const Poco::JSON::Object& params) {
  return UnlockRequest{sdk::params::requirePositiveInt(params, "goodsId"),
                       sdk::params::requirePositiveInt(params, "number")};
}

}  // namespace paynext::plugins::episodes
