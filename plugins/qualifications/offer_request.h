#pragma once
#include <cstdint>

#include <Poco/JSON/Object.h>

#include "qualification.h"

namespace paynext::plugins::qualifications {

// The qualification a request names by `type` (12, 13 or 14); refused
// naming the field otherwise.
const Kind& requireKind(const Poco::JSON::Object& params);
// The same, or nullptr when the request leaves `type` out (a filter).
const Kind* optionalKind(const Poco::JSON::Object& params);

// An admin's offer, PUT /offers:
//   type 12|13|14, price (yuan, > 0), days (1 to 36600) or permanent:true
//   (exactly one of them), onSale (default true).
// Throws sdk::ParamError naming the field.
Offer offerFromParams(const Poco::JSON::Object& params);

}  // namespace paynext::plugins::qualifications
