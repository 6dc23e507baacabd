#pragma once
#include <Poco/JSON/Object.h>

#include "card.h"

namespace paynext::plugins::membercard {

// A card as an admin sends it (POST creates, PUT replaces id):
//   name, price (yuan, > 0), days (1..36500), benefits?, onSale? (true)
// Throws sdk::ParamError naming the field.
Card cardFromParams(const Poco::JSON::Object& params, bool withId);

}  // namespace paynext::plugins::membercard
