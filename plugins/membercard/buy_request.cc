#include "buy_request.h"

#include "paynext/sdk/params.h"

namespace paynext::plugins::membercard {

BuyRequest BuyRequest::parse(const Poco::JSON::Object& params) {
  BuyRequest r;
  r.cardId = sdk::params::requirePositiveInt(params, "id");
  return r;
}

}  // namespace paynext::plugins::membercard
