#include "imagetrade_request.h"

#include "paynext/sdk/params.h"

namespace paynext::plugins::imagetrade {

ImageTradeRequest ImageTradeRequest::parse(const Poco::JSON::Object& params) {
  return ImageTradeRequest{sdk::params::requirePositiveInt(params, "id")};
}

}  // namespace paynext::plugins::imagetrade
